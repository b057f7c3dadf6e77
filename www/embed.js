// The iframe page: one chart whose view comes from the URL hash, and its height reported to
// the parent page, which sizes the frame: {type: "migration-chart:height", height}.
const chart = document.getElementById('chart');

const apply = () => { chart.hash = location.hash; };
chart.addEventListener('ready', apply, { once: true });
window.addEventListener('hashchange', apply);

let last = 0;
new ResizeObserver(() => {
  const height = Math.ceil(document.documentElement.scrollHeight);
  if (height !== last && window.parent !== window) {
    last = height;
    window.parent.postMessage({ type: 'migration-chart:height', height }, '*');
  }
}).observe(document.body);

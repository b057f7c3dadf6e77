// What a host page adds to size the iframe embed: it listens for the height the frame reports.
window.addEventListener('message', (event) => {
  if (event.data?.type !== 'migration-chart:height') return;
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow === event.source) frame.style.height = `${event.data.height}px`;
  }
});

// Runs before the first paint (a classic script in <head>; the page's CSP allows no inline
// script). It tells the stylesheet that scripts run and which view and language the URL asks
// for, so that the page keeps that view's space and shows that view's controls from the start,
// instead of rearranging itself when the wasm arrives. www/app.js keeps both current.
{
  const asked = (key, allowed, fallback) => {
    const value = new URLSearchParams(location.hash.slice(1)).get(key);
    return allowed.includes(value) ? value : fallback;
  };
  const root = document.documentElement;
  root.dataset.view = asked('view', ['overview', 'compare', 'breakdown', 'table'], 'overview');
  root.lang = asked('lang', ['en', 'az', 'ru'], root.lang);
  // The markup's words are English (data-words="en"); another language waits for www/app.js.
  if (root.dataset.words !== root.lang) delete root.dataset.words;
  root.dataset.mode = asked('mode', ['absolute', 'indexed', 'change'], 'absolute');
  const theme = asked('theme', ['light', 'dark'], null);
  if (theme) root.dataset.theme = theme;
}

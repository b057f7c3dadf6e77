// Injected by the engine tests' server at the top of every HTML page (a classic, same-origin
// script, so a strict CSP allows it): it records what the page's scripts report, for engines
// whose driver cannot listen to the console (WebKitWebDriver), and CSP violations in every engine.
window.__spy = { errors: [], csp: [] };
addEventListener('error', (e) => {
  if (e instanceof ErrorEvent) window.__spy.errors.push(`${e.message} (${e.filename}:${e.lineno})`);
}, true);
addEventListener('unhandledrejection', (e) => window.__spy.errors.push(`unhandled rejection: ${e.reason}`));
addEventListener('securitypolicyviolation', (e) => {
  window.__spy.csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
}, true);
{
  const error = console.error.bind(console);
  console.error = (...args) => {
    window.__spy.errors.push(args.map(String).join(' '));
    error(...args);
  };
}

// Loaded synchronously at the top of <body> (a file, not inline, so the Content-Security-Policy needs no 'unsafe-inline'):
// the design system styles its components for scripts only when these classes are present.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' nhsuk-frontend-supported' : '');

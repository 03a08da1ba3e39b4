import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { session } from './session/session-store';
import './styles.scss';

// What nhsuk-frontend's template does with an inline script (which this app's policy forbids): its
// components' JavaScript runs only in browsers that support ES modules, told by this class.
if ('noModule' in HTMLScriptElement.prototype) document.body.classList.add('nhsuk-frontend-supported');

// A reload keeps the session: the HttpOnly cookie, if any, becomes a new access token.
void session.refresh();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

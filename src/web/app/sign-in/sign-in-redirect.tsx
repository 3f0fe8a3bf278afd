/**
 * Sends the user to the sign-in page when the API answers 401, as a client-side navigation: the app is already
 * loaded, so a full page load would load it twice before the form shows. The API client (created by the
 * providers, outside the router) signals the 401 on an EventTarget; this component, inside the router,
 * navigates. Nothing of the expired session survives: signing in clears the query cache (lib/api/session.ts).
 */
import { createContext, useContext, useEffect } from 'react';
import { useNavigate } from 'react-router';
import { QUESTIONNAIRE_PATH, SIGN_IN_PATH, signInHref } from '../../lib/api/session-helpers.ts';

/** The event the API client's `onUnauthorized` dispatches. */
export const UNAUTHORIZED_EVENT = 'unauthorized';

const UnauthorizedEvents = createContext<EventTarget | null>(null);

export const UnauthorizedEventsProvider = UnauthorizedEvents.Provider;

/** Renders nothing; navigates to the sign-in page (coming back here afterwards) on each 401. */
export function SignInRedirect() {
  const events = useContext(UnauthorizedEvents);
  const navigate = useNavigate();
  useEffect(() => {
    if (events === null) return;
    const onUnauthorized = () => {
      const { pathname, search } = window.location;
      // An expert's questionnaire has no session to renew: its page says what is wrong with the link.
      if (pathname === SIGN_IN_PATH || pathname.startsWith(`${QUESTIONNAIRE_PATH}/`)) return;
      void navigate(signInHref(pathname, search), { replace: true });
    };
    events.addEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
    return () => events.removeEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
  }, [events, navigate]);
  return null;
}

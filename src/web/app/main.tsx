/** The web app's entry: providers around the router. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './global.css';
import './print.css';
import { Providers } from './providers.tsx';
import { AppRouter } from './router.tsx';

const container = document.getElementById('root');
if (container !== null) {
  createRoot(container).render(
    <StrictMode>
      <Providers>
        <AppRouter />
      </Providers>
    </StrictMode>,
  );
}

// Register the elements first: React 19 sets a prop as a property only when the
// element already has it (an element not yet defined would get an attribute).
// Import only the elements used (`import 'xc-elements'` registers all of them).
import 'xc-elements/provider';
import 'xc-elements/checklist';
// The JSX types of the xc elements (types only, erased from the build). Once the
// package is installed, `"types": ["xc-elements/react"]` in tsconfig.json or
// `/// <reference types="xc-elements/react" />` does the same.
import type {} from 'xc-elements/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

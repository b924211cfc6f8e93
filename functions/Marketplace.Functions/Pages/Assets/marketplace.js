// Starts the NHS.UK design system's components (error summary focus, header menu, skip link).
import { initAll } from '/assets/nhsuk-frontend.min.js';
initAll();

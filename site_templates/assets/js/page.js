// Pages without their own script: only the offline support.
import { registerServiceWorker } from "./offline.js";

registerServiceWorker();

// Pages without a script of their own: the page kit still gives them offline support and error messages.
import { runPage } from "./kit.js";

runPage("main", () => {});

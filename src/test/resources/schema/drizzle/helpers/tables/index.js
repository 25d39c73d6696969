export * from "./accounts.js";
export { invoices as bills } from "./invoices";

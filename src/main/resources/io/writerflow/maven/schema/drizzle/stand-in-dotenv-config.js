// "dotenv/config": loads .env as dotenv's does (see stand-in-dotenv.js).
import { config } from "./stand-in-dotenv.js";

config(globalThis.process.env.DOTENV_CONFIG_PATH ? { path: globalThis.process.env.DOTENV_CONFIG_PATH } : {});

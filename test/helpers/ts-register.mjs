// `node --import ./test/helpers/ts-register.mjs child.mjs`: import src/*.ts without a build.
import { register } from 'node:module';
register('./ts-hooks.mjs', import.meta.url);

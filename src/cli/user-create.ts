/** `npm run user:create -- --email you@example.com --role admin`: see user-create-command.ts. */
import { runUserCreate } from './user-create-command';

process.exitCode = await runUserCreate(process.argv.slice(2), process.env, console);

// The yardstick for bench/qa-page.ts: a bare Fastify route returning a fixed string.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => 'hello');
const address = await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log(`listening ${address}`);

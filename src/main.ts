import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ensureDataDir, loadConfig } from './config.js';
import { StartupError } from './core/errors.js';
import { checkDataDirCanBeWritten } from './core/storage.js';
import { ensureRedis, REDIS_READY } from './core/jobs/redis.js';
import { firstStart } from './first-start.js';
import { createHttpApp } from './http-app.js';

const bootstrap = async () => {
  const logger = new Logger('Party Ledger');
  const config = loadConfig();
  ensureDataDir(config.dataDir);
  checkDataDirCanBeWritten(config.dataDir, [
    ...(config.eventStore.kind === 'sqlite' ? [config.eventStore.sqliteFile] : []),
    config.readModelFile,
  ]);
  const redis = await ensureRedis(config.redis.url, {
    autostart: config.redis.autostart,
    dataDir: config.dataDir,
    log: (message) => logger.log(message),
  });
  const app = await createHttpApp(config, { overrides: [{ token: REDIS_READY, value: redis }] });
  await app.init();
  await firstStart(app);
  await app.listen(config.http.port, config.http.host);
  const where =
    config.eventStore.kind === 'eventstoredb'
      ? 'EventStoreDB'
      : `${config.eventStore.kind} (${config.eventStore.sqliteFile})`;
  logger.log(`Event store: ${where}; read models: ${config.readModelFile}; Redis: ${config.redis.url}`);
  logger.log(
    `党建台账 Party Ledger is listening on http://localhost:${config.http.port} (API under /api, health at /api/health)`,
  );
};

bootstrap().catch((error: unknown) => {
  if (error instanceof StartupError) {
    console.error(`\n${error.message}\n`);
  } else {
    console.error('Party Ledger failed to start:', error);
  }
  process.exit(1);
});

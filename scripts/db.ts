/**
 * `npm run -s db:migrate`, `npm run -s db:backup -- FILE`, `npm run -s db:restore -- FILE`:
 * the database behind DATABASE_URL, or the embedded one in FIXPATH_DATA_DIR (default .data/).
 */
import {
  backupDatabase,
  databaseConfigFromEnv,
  migrateDatabase,
  openDatabase,
  restoreDatabase,
} from '@/lib/db/server';

const USAGE = 'usage: db migrate | db backup FILE | db restore FILE';

async function main(argv: string[]): Promise<number> {
  const [command, file, ...extra] = argv;
  if (!command || !['migrate', 'backup', 'restore'].includes(command)) {
    console.error(`${command ? `unknown command "${command}"; ` : ''}${USAGE}`);
    return 2;
  }
  if (command !== 'migrate' && !file) {
    console.error(`db:${command} needs a FILE argument: npm run -s db:${command} -- FILE`);
    return 2;
  }
  if (extra.length > 0 || (command === 'migrate' && file)) {
    console.error(`unexpected argument "${command === 'migrate' ? file : extra[0]}"; ${USAGE}`);
    return 2;
  }
  const database = await openDatabase(databaseConfigFromEnv());
  try {
    await migrateDatabase(database);
    if (command === 'migrate') console.log(`${database.description}: schema up to date`);
    if (command === 'backup') console.log(`${database.description}: ${(await backupDatabase(database, file)).rows} rows written to ${file}`);
    if (command === 'restore') console.log(`${database.description}: ${(await restoreDatabase(database, file)).rows} rows restored from ${file}`);
    return 0;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);

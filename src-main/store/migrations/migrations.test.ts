/** The local store's released migrations, pinned: a change to the schema is a new file. */
import { describe } from 'vitest';
import { pinReleasedMigrations } from '../../testing/released-migrations';
import { localMigrations } from '.';

/** Adding a migration: add its file's SHA-256 here (the failing test prints it). Never change one. */
const RELEASED = {
  '0001-accounts-and-outbox.sql': '2abd00da524b25643302b2504905ac79466746a0c4be6dd7097838fc76f7625e',
  '0002-kitchen-and-bar-stock.sql': '5e6b38cbbef2c31c4cacb2f742afda38b87c07fe76aadb4b4a23c44ef0526470',
  '0003-central-server-sync.sql': '13607de645d9d5b820cb2e343ceb7e65c28af933815f16fc19e89a05dfce8217',
  '0004-movements-server-seq.sql': '500ec664c15be848556ec7cd03b68b43ad48219b8490f38589e8a2a51fd0d2c2',
  '0005-item-edit-stamps.sql': '253cbc36631fd3301754909fadae7b447196fda9e4be3584eea83feb53aeb09a',
  '0006-users-need-password.sql': '66cfc9e982e929c779cc7b400f3a85bb548c9dcd45271dbc52636cb51c0c6919',
  '0007-item-names-indexed.sql': '0259eb7e98027667a4d82b096ff61575c6bedf01d3c432ba35ce66a6b87f5626',
  '0008-storage-areas-and-count-units.sql': '8b174533e90a25057e1741b1d1231ac8f3067ac7ea513221c4c878e3b9277165',
  '0009-movements-in-time.sql': '55541885e4be584787b704c0491ee4ea7e9f90cb1da830772e30925c1fc0cce4',
  '0010-restaurant-currency.sql': '02463527fda2434acd7654046036f6099d45f0eb94efc3c355b3747474e7034c',
  '0011-legacy-rows.sql': '806cf6871c9847f23dfdfee1b0faf6072f6c6da719de58572361309d4343114f',
  '0012-count-sessions.sql': '82b942ca42b69efa12eefda8becca5e77ff8b4762bba1b185357ee078443fd23',
  '0013-item-list-order-indexed.sql': 'f88b62ceb207c008c3c138715756d2b8c632cfb9676cd9a7151f612d7d03802c',
};

describe('released local store migrations', () => {
  pinReleasedMigrations(new URL('./', import.meta.url), RELEASED, localMigrations);
});

/** The central server's released migrations, pinned: a change to the schema is a new file. */
import { describe } from 'vitest';
import { pinReleasedMigrations } from '../../testing/released-migrations';
import { serverMigrations } from '.';

/** Adding a migration: add its file's SHA-256 here (the failing test prints it). Never change one. */
const RELEASED = {
  '0001-restaurants-people-and-sessions.sql': '9c2a7fcd47f6a01677ebedf68b1c180d8dc2fd9e7ac237a6595cf78f4f3a4ab1',
  '0002-stock-and-sync.sql': '0b2eed132d06dd1c5694bebf255548364d48694ce1121fbfbfe66d209992dfd3',
  '0003-joining-with-local-data.sql': '3676651430e2f39ad14931d98b378ab650060141cf82e3080cd18d6786a13779',
  '0004-field-limits.sql': 'c610a4019afa713e34c5a9cc302d5f4117e7dcbcc7959475f2718b7d30ee9c98',
  '0005-own-computer-only.sql': '42e28256f67f37a15bb42dd0ff5567b540e890a1ae32df9afe8fa4e8c8702cdf',
  '0006-computer-logins.sql': 'a7c6745dd5a875e464502265f48f73e6a49d9653ddebadd0509b3b5032078a0e',
  '0007-restore-keeps-server-order.sql': '40fadaf367fd6f50d0a8cf42f4c0e6e24d24f57da529a4cb7c54abcde776b400',
  '0008-push-decisions.sql': '1c9c654983da454ffece2093a075a16612986a37ac5bdd31b148ae4e306345b7',
  '0009-throttling-that-holds.sql': 'ee3db9027733bfc8f56c3b9898cc577de3ac6c24c206288d428189a6930d355d',
  '0010-upload-names-its-sender.sql': '1207df5654d05cc636c0c6b5746fb3459310846ec74a3ef70faef5d25dd9b06a',
  '0011-team-after-restore.sql': 'b1357077a737e727fcbe435ee2e3612faae328953e6640cb73bfe64a752b31d5',
  '0012-checked-person.sql': '96175310c46f96ddb04b852dc57184cc5c2b0700e81a5d9be78cfe3564a36d82',
  '0013-legacy-import.sql': 'f9b90c45c4e77308553affcc37ed39aa72eeec05258f27e1931b0ab22d37d27f',
  '0014-storage-areas-and-count-units.sql': '0d59d3156a6e3643aa56155f78bfb571f4c5372afd19b7046c8002714bb3a356',
  '0015-movements-in-time.sql': '9fc67d2b8265aef9b8070683aff494042f77358529846ef936f75dd181bca249',
  '0016-restaurant-currency.sql': '411d4327e4c19957bf20c91fd9b65bd20a8c90f2579ca4041c4cd2af92c1f8c3',
  '0017-an-edit-stamps-what-it-names.sql': '4d0df32e93d847d1fdda65a095c2ed826ef7ec433ac64f41253f87fa6f4e99c6',
  '0018-who-is-asking-planned-once.sql': '6759cc894b315b2bfc382e8aa4077f0a4d247859b1a3cb2a0c75eebb6fd686b8',
  '0019-count-sessions.sql': '7f666f6d9e8f16f2a4d050301147290b133dbcdd7d07ea27367a1cfe7b118ce7',
  '0020-last-synced-to-the-minute.sql': 'd1793676ae99f2d842f547833bec9e0a2371ed70bbe5e854b0f8e706edef9e59',
  '0021-count-uploads.sql': '91caf5fbe6f125b546304df8ed14dc9d4175f76af915cfd8c84890b6d22267ce',
  '0022-count-lines-in-one-statement.sql': '487d65dd63dff0f9510e5ac6e553a94fa25f9aabacefb7eea782317cef542c63',
  '0023-one-pool-for-the-chain.sql': '7d95b3e673d5eb6362e79b4042ac6d759fe9be2f5774c6c81dd3b00273af9abb',
};

describe('released central server migrations', () => {
  pinReleasedMigrations(new URL('./', import.meta.url), RELEASED, serverMigrations);
});

/**
 * Password hashes made by Python's `bcrypt` package, the library of the old Python service, so that
 * tests check the hashes people bring from it rather than ones bcryptjs made to look like them.
 * Made once, outside the repository, on Debian 12 (Python 3.11.2, python3-bcrypt 3.2.2-1), with
 *
 *   python3 -c "import bcrypt, sys; print(bcrypt.hashpw(sys.argv[1].encode('utf-8'), bcrypt.gensalt(12)).decode())" 'PASSWORD'
 *
 * Python hashes the UTF-8 bytes of a password; the accented one is written with escapes so that no
 * editor can change its bytes (NFC, 27 bytes).
 */
export interface PythonBcryptHash {
  password: string;
  hash: string;
}

export const PYTHON_BCRYPT_HASHES = {
  plain: {
    password: 'legacy password',
    hash: '$2b$12$HQFmJJ2jc.GYhrcnu/ofNuJVnShy3oWkMxMJnLk.pCUofWO5CVxE6',
  },
  accented: {
    password: 'Cr\u00e8me br\u00fbl\u00e9e f\u00fcr 12 \u20ac',
    hash: '$2b$12$hslmOcTQkPZnJju1riDgne9SwUkL5zWpJT1uHMQbEVrsH/h3IFuMe',
  },
  symbols: {
    password: 'walk-in cooler #3',
    hash: '$2b$12$pz5lfgQ5QMwDR7K8PB26mOWPxJVuRSPqf/kxoOs6fK5Nv0jcXGom2',
  },
} as const satisfies Record<string, PythonBcryptHash>;

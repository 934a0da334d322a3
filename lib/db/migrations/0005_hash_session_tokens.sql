-- Session tokens are stored as their SHA-256 in hex from now on (lib/auth/session-token-hash.ts).
-- Hash the ones already there, so nobody signed in is signed out by the upgrade. A 64-character
-- hex token is already a hash: left alone, so running this twice changes nothing.
UPDATE "sessions" SET "token" = encode(sha256(convert_to("token", 'UTF8')), 'hex') WHERE "token" !~ '^[0-9a-f]{64}$';

// SHA-256 of text (hex). One implementation for the whole engine: @noble/hashes, pure and synchronous, so
// content hashes are identical in Node and the browser without async Web Crypto.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

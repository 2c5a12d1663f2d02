#!/usr/bin/env node
/**
 * Draws build/icon.png (1024×1024), the app icon electron-builder turns into .ico/.icns: stocked
 * shelves on a rounded tile. Plain Node (zlib) so it needs no image tools: `node scripts/make-icon.mjs`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZE = 1024;
const SAMPLES = 4; // 4×4 supersampling for smooth edges

/** [x0, y0, x1, y1, radius, [r, g, b]]: later shapes paint over earlier ones. */
const TILE = [64, 64, 960, 960, 200, [31, 111, 92]];
const WHITE = [255, 255, 255];
const AMBER = [244, 178, 62];
const contents = [
  // two shelves
  [232, 560, 792, 600, 20, WHITE],
  [232, 800, 792, 840, 20, WHITE],
  // on the upper shelf: a crate, a tall jar, a crate
  [262, 400, 422, 560, 18, WHITE],
  [452, 300, 572, 560, 40, AMBER],
  [602, 430, 762, 560, 18, WHITE],
  // on the lower shelf: a bottle and two boxes
  [282, 640, 362, 800, 30, AMBER],
  [392, 690, 552, 800, 18, WHITE],
  [582, 660, 742, 800, 18, WHITE],
];
// The drawing spans y 300–840; lift it to the tile's optical centre.
const shapes = [TILE, ...contents.map(([x0, y0, x1, y1, r, colour]) => [x0, y0 - 58, x1, y1 - 58, r, colour])];

const inside = (x, y, [x0, y0, x1, y1, r]) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};

const pixels = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  const row = y * (SIZE * 4 + 1);
  pixels[row] = 0; // PNG filter: none
  for (let x = 0; x < SIZE; x++) {
    let [r, g, b, a] = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const px = x + (sx + 0.5) / SAMPLES;
        const py = y + (sy + 0.5) / SAMPLES;
        const hit = shapes.findLast((shape) => inside(px, py, shape));
        if (!hit) continue;
        const [cr, cg, cb] = hit[5];
        r += cr;
        g += cg;
        b += cb;
        a += 1;
      }
    }
    const offset = row + 1 + x * 4;
    if (a > 0) pixels.set([r / a, g / a, b / a, (255 * a) / SAMPLES ** 2].map(Math.round), offset);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buffer) => {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(pixels, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const file = join(import.meta.dirname, '..', 'build', 'icon.png');
writeFileSync(file, png);
console.log(`wrote ${file} (${png.length} bytes)`);

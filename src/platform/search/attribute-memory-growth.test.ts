import { describe, expect, it } from 'vitest';
import { AttributeMemory } from './attribute-memory';
import { defineSearchKind } from './kinds';

/**
 * A condition kept from before the memory grew must still judge the documents added after: grow() replaces the
 * value arrays, and a kept condition that read a copy of the old array missed new jobs (a saved search's salary
 * floor) or threw on them (every-benefit masks: BigInt of undefined).
 */
const KIND = defineSearchKind({
  name: 'test_growth',
  title: { name: 'title', weight: 10, typicalLength: 8 },
  fields: [],
  attributes: { amount: 'integer', flags: 'integer' },
});

const has = (bits: Uint32Array, slot: number) => ((bits[slot >>> 5]! >>> (slot & 31)) & 1) === 1;

describe('AttributeMemory growing past its capacity', () => {
  it('keeps judging integer conditions (range, in, all bits) on documents added after the growth', () => {
    const memory = new AttributeMemory(KIND);
    memory.put(1, [5000, 0b11]);
    const conditions = [
      ['amount', { min: 4000 }],
      ['amount', { in: [5000] }],
      ['flags', { allBits: 0b01 }],
    ] as const;
    for (const [name, condition] of conditions) memory.conditionBits(name, condition);
    // The first capacity is 1,024 slots: 2,000 documents make it grow once at least.
    for (let id = 2; id <= 2000; id++) memory.put(id, [5000, 0b01]);
    for (const [name, condition] of conditions) {
      const bits = memory.conditionBits(name, condition);
      expect(has(bits, memory.slotOf(2000)), `${name} ${JSON.stringify(condition)}`).toBe(true);
      expect(has(bits, memory.slotOf(1500))).toBe(true);
    }
    memory.put(2001, [1000, 0b10]);
    for (const [name, condition] of conditions) {
      expect(has(memory.conditionBits(name, condition), memory.slotOf(2001))).toBe(false);
    }
  });
});

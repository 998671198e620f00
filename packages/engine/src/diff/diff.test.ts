import { describe, expect, it } from 'vitest';
import { builtinCharter } from '../builtin/index.ts';
import { diffCharters } from './index.ts';

describe('diffCharters', () => {
  it('contrasts the 2009 Russian draft and the Western position on nature, scope, guarantee and alliance choice', () => {
    const d = diffCharters(builtinCharter('est-2009'), builtinCharter('esd-western'));
    const get = (topic: string, aspect?: string) =>
      d.points.find((p) => p.topic === topic && (!aspect || p.aspect.startsWith(aspect)))!;
    expect(get('legal nature')).toMatchObject({ a: 'legally-binding', b: 'political', same: false });
    expect(get('scope').b).toContain('human');
    expect(get('guarantee', 'armed attack').a).toBe('right');
    expect(get('alliance choice').a).toMatch(/^yes/);
    expect(get('alliance choice').b).toMatch(/^no/);
  });

  it('finds no difference between a charter and itself', () => {
    expect(diffCharters(builtinCharter('nato'), builtinCharter('nato')).differences).toBe(0);
  });
});

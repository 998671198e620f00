/** Where a command writes: human text or one JSON document on stdout. */
export interface Output {
  json: boolean;
  print(text: string): void;
  data(value: unknown): void;
}

export function makeOutput(
  json: boolean,
  write: (s: string) => void = (s) => process.stdout.write(s),
): Output {
  return {
    json,
    print: (text) => {
      if (!json) write(`${text}\n`);
    },
    data: (value) => {
      if (json) write(`${JSON.stringify(value, replacer, 2)}\n`);
    },
  };
}

// BigInt counts (exact raw counts) serialise as decimal strings.
function replacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

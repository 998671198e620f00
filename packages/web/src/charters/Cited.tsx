import type { ReactNode } from 'react';

/** A provision with its citation beside it; an inherited one is the enclosing rule's, marked as such. */
export function Cited({
  cite,
  inherited = false,
  children,
}: {
  cite: string | undefined;
  inherited?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="cited">
      <div className="cited-text">{children}</div>
      <cite className={`citation${inherited ? ' inherited' : ''}`}>
        {cite ? (inherited ? `(as above) ${cite}` : cite) : 'no citation given'}
      </cite>
    </div>
  );
}

import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';

type Props = { height: string; label: string; children: ReactNode; fallback?: ReactNode };

/**
 * Reserves a fixed-height box and mounts its (lazily imported) children only once the box
 * is near the viewport and the browser is idle, so maps never compete with the first paint.
 */
export function LazyMount({ height, label, children, fallback }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [show, setShow] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let idle = 0;
    const start = () => {
      const ric = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 200));
      idle = ric(() => setShow(true), { timeout: 1500 } as IdleRequestOptions);
    };
    if (!('IntersectionObserver' in window)) {
      start();
      return;
    }
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          io.disconnect();
          start();
        }
      },
      { rootMargin: '300px' },
    );
    io.observe(el);
    return () => {
      io.disconnect();
      if (idle && window.cancelIdleCallback) window.cancelIdleCallback(idle);
    };
  }, []);
  const placeholder = fallback ?? <div className="map-placeholder" aria-hidden="true" />;
  return (
    <div className="lazy-box" style={{ height }} ref={box} aria-label={show ? undefined : label} role={show ? undefined : 'img'}>
      {show ? <Suspense fallback={placeholder}>{children}</Suspense> : placeholder}
    </div>
  );
}

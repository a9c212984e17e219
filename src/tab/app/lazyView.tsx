/**
 * A view whose code is loaded only when it is first shown (its own webpack chunk), with its own
 * loading state, so the tab's first paint downloads only the default view. Use in views.tsx:
 * `Page: lazyView(() => import('../features/x/XPage').then((module) => module.XPage))`.
 */
import { Suspense, createElement, lazy, type ComponentType } from 'react';
import { LoadingState } from '../components/StatusViews';

export function lazyView<P extends object = object>(
  load: () => Promise<ComponentType<P>>,
  label = 'Loading…',
): ComponentType<P> {
  const Lazy = lazy(async () => ({ default: await load() }));
  function LazyView(props: P) {
    return (
      <Suspense fallback={<LoadingState label={label} />}>
        {createElement(Lazy as unknown as ComponentType<P>, props)}
      </Suspense>
    );
  }
  return LazyView;
}

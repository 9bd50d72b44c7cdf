import { type FunctionComponent, h, type VNode } from 'preact';

/**
 * A page component with its props, as sendPage and renderPage take it. Made with h(), not called: the page is then
 * rendered inside the request's I18n context, where its useI18n() works. (Their `VNode` is `VNode<{}>`, which a
 * VNode of a component with required props is not assignable to, hence the widening here.)
 */
export function pageOf<P extends object>(component: FunctionComponent<P>, props: P): VNode {
  return h(component as FunctionComponent<object>, props);
}

/**
 * H5 only: what WeChat's accessibility attributes become in a browser. NutUI's Taro components mark their controls
 * with `aria-role` (WeChat's attribute: a checkbox, a radio), which Taro's H5 renders as it is and browsers ignore; the
 * page containers and NutUI's strip of tab titles scroll without being focusable; Taro's <Image> draws an <img> without
 * alt. All are mended as nodes appear: `aria-role` becomes `role`, a page or a tab strip can take the keyboard focus
 * so keyboard users can scroll it (WCAG 2.1.1), an image takes its host's label as alt (or an empty one: decorative),
 * and an input or a checkbox without a name takes its host's label.
 */
export function mendAccessibility(root: HTMLElement = document.body) {
  const mend = (el: Element) => {
    const role = el.getAttribute('aria-role')
    if (role) {
      el.setAttribute('role', role)
      el.removeAttribute('aria-role')
    }
    if ((el.classList.contains('taro_page') || el.classList.contains('nut-tabs-titles')) && !el.hasAttribute('tabindex')) el.setAttribute('tabindex', '0')
    // Taro's <Image> draws an <img> without alt: it takes its host's label, or none (decorative). A NutUI field's inner
    // input takes the label of the field's host (a View with ariaLabel around it).
    if (el.tagName === 'IMG' && !el.hasAttribute('alt')) el.setAttribute('alt', el.closest('[aria-label]')?.getAttribute('aria-label') ?? '')
    if ((el.tagName === 'INPUT' || el.getAttribute('role') === 'checkbox') && !el.hasAttribute('aria-label')) {
      const label = el.parentElement?.closest('[aria-label]')?.getAttribute('aria-label')
      if (label) el.setAttribute('aria-label', label)
    }
  }
  const sweep = (node: Node) => {
    if (!(node instanceof Element)) return
    mend(node)
    node.querySelectorAll('[aria-role], .taro_page, .nut-tabs-titles, img, input').forEach(mend)
  }
  sweep(root)
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') mend(r.target as Element)
      else r.addedNodes.forEach(sweep)
    }
  }).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-role'] })
}

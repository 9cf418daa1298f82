/**
 * ARIA role for Taro components whose typings lack `role` (Text). Taro H5 passes it to the DOM;
 * weapp ignores it. Hyphenated aria-* props need no helper: JSX allows them on any component.
 */
export const role = (value: 'link' | 'note' | 'alert' | 'status' | 'button' | 'heading' | 'timer' | 'img') => ({ role: value }) as object

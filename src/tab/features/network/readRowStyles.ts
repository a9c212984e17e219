/**
 * Body rows of the roll-up's tables: the rows themselves do nothing when clicked (the buttons in their
 * cells do), so they keep their background on hover. Fluent's default hover background under the
 * brand link colour falls below WCAG AA contrast in the dark and high-contrast themes (axe, e2e).
 */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useReadRowStyles = makeStyles({
  row: {
    ':hover': { backgroundColor: tokens.colorTransparentBackground, color: 'inherit' },
    ':active': { backgroundColor: tokens.colorTransparentBackground },
  },
});

/**
 * The entry form's structured lists: shown read-only (escaped) when no feature provides an editor,
 * the provided editor otherwise; and the form's field table covers the new fields with their labels.
 */
import { renderToString } from 'react-dom/server';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { emptyEntry, type RegisterEntry } from '../../../../src/domain';
import { EntryFieldControl } from '../../../../src/tab/features/register/EntryFieldControl';
import { displayValue, FIELD_GROUPS } from '../../../../src/tab/features/register/entryFields';
import { EntryListEditorsProvider, type EntryListEditorProps } from '../../../../src/tab/components/entryListSlots';

const entry: RegisterEntry = {
  ...emptyEntry(),
  title: 'Docman',
  adminRights: [{ person: null, externalName: '<img src=x onerror=alert(1)>', organisation: 'EMIS', agreementOnFile: true, reviewedOn: null }],
  trainingLink: 'https://learn.example.com/docman',
};

function render(field: 'adminRights' | 'trainingLink' | 'supplierDsptStatus', withEditor = false, value: RegisterEntry = entry): string {
  const Editor = (props: EntryListEditorProps) => <p id={props.id}>editor for {props.field} with {props.entry.adminRights.length}</p>;
  const control = <EntryFieldControl field={field} entry={value} error={undefined} members={[]} onChange={() => undefined} />;
  return renderToString(
    <FluentProvider theme={webLightTheme}>
      {withEditor ? <EntryListEditorsProvider value={{ adminRights: Editor }}>{control}</EntryListEditorsProvider> : control}
    </FluentProvider>,
  );
}

describe('structured lists on the entry form', () => {
  it('without an editor, shows the list read-only with the text escaped', () => {
    const html = render('adminRights');
    expect(html).toContain('Admin rights');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;, EMIS, agreement on file, not reviewed');
    expect(html).not.toContain('<img');
    expect(render('adminRights', false, emptyEntry())).toContain('None recorded.');
  });

  it('uses the editor a feature provides, with the whole draft', () => {
    expect(render('adminRights', true).replace(/<!-- -->/g, '')).toContain('<p id="entry-field-adminRights">editor for adminRights with 1</p>');
  });

  it('offers the training guide as an https link only', () => {
    expect(render('trainingLink')).toContain('href="https://learn.example.com/docman"');
    expect(render('trainingLink', false, { ...entry, trainingLink: 'javascript:alert(1)' })).not.toContain('href="javascript');
  });

  it('shows the supplier DSPT choices by their labels', () => {
    expect(render('supplierDsptStatus')).toContain('Standards exceeded');
  });

  it('groups training and escalation, and reads the lists as a person would', () => {
    expect(FIELD_GROUPS.find((group) => group.title === 'Training and escalation')?.fields).toEqual([
      'trainingLink', 'staffTrainedOn', 'supplierDsptStatus', 'supplierDsptCheckedOn', 'escalationRoute',
    ]);
    expect(displayValue({ ...entry, accessReviewIntervalMonths: 0 }, 'accessReviewIntervalMonths')).toBe('No review cycle');
    expect(displayValue(emptyEntry(), 'dependsOn')).toBe('None');
  });
});

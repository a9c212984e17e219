/**
 * The digest's "Access checklists past their date" lines (src/domain/access overdueChecklistLines),
 * read from the practice's checklists list once the reminders view opens. While the list is missing
 * or cannot be read the digest simply has no such section: reviews are still reminded.
 */
import { useEffect, useState } from 'react';
import { CHECKLISTS_LIST, overdueChecklistLines } from '@domain/access';
import type { LocalDate } from '@domain';
import { openChecklistStore } from '@graph/access';
import { useGraphClient } from '../../state/ApiContext';
import { usePracticeList } from '../../state/practiceLists';

export function useOverdueChecklists(siteId: string, today: LocalDate): readonly string[] {
  const client = useGraphClient();
  const list = usePracticeList(CHECKLISTS_LIST.name);
  const listId = list.status === 'ready' ? list.id : null;
  const [lines, setLines] = useState<readonly string[]>([]);
  useEffect(() => {
    if (listId === null) return;
    let live = true;
    openChecklistStore(client, { siteId, listId })
      .list()
      .then(
        (found) => live && setLines(overdueChecklistLines(found.checklists.map((stored) => stored.checklist), today)),
        () => undefined, // unreadable now: the digest goes without the section rather than failing
      );
    return () => {
      live = false;
    };
  }, [client, siteId, listId, today]);
  return lines;
}

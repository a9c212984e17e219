/**
 * The directory (users) with an in-memory index over storage: `$search` tokens are computed once,
 * so searching 20,000 (or 200,000) people stays fast. Deleted users are removed from storage and
 * answer 404 like a hard-deleted Entra account.
 */
import type { Storage } from '../storage/types';
import type { UserDoc } from './user';

interface Indexed {
  readonly user: UserDoc;
  /** Lower-case, accent-folded displayName words (split on spaces, symbols, case changes, digits). */
  readonly words: readonly string[];
}

/** Lower-case with accents folded, so "zoe" finds "Zoë". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Graph's `$search` tokeniser, approximately: spaces, symbols, casing and number boundaries. */
export function searchWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)|(\d)([A-Za-z])/g, '$1$3 $2$4')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

export class DirectoryIndex {
  private readonly byId = new Map<string, Indexed>();
  private readonly byUpn = new Map<string, string>();

  constructor(private readonly storage: Storage) {
    for (const user of storage.list<UserDoc>('user')) this.index(user);
  }

  private index(user: UserDoc): void {
    this.byId.set(user.id, { user, words: searchWords(user.displayName) });
    this.byUpn.set(user.userPrincipalName.toLowerCase(), user.id);
  }

  /** Writes users to storage (one transaction) and indexes them. */
  add(users: readonly UserDoc[]): void {
    this.storage.transaction(() => {
      for (const user of users) this.storage.put('user', user.id, user);
    });
    for (const user of users) this.index(user);
  }

  /** Removes a user from the directory (a leaver): later lookups answer 404. */
  remove(id: string): void {
    const entry = this.byId.get(id);
    if (!entry) return;
    this.storage.delete('user', id);
    this.byId.delete(id);
    this.byUpn.delete(entry.user.userPrincipalName.toLowerCase());
  }

  /** By object id or user principal name (case-insensitive). */
  find(idOrUpn: string): UserDoc | undefined {
    const id = this.byId.has(idOrUpn) ? idOrUpn : this.byUpn.get(idOrUpn.toLowerCase());
    return id === undefined ? undefined : this.byId.get(id)?.user;
  }

  all(): IterableIterator<Indexed> {
    return this.byId.values();
  }

  get size(): number {
    return this.byId.size;
  }
}

export type { Indexed as IndexedUser };

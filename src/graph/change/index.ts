/** Change and go-live (issue 17): the change records store. */
export * from './changeStore';
export * from './changeLists';

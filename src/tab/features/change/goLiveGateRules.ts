/**
 * The go-live gate's rules, loaded on first use (ChangeHost). Named here so that the lazy chunk takes
 * only these from src/domain/change; importing the room's index itself would keep the rest of the room
 * out of the main chunk's concatenated modules.
 */
export { goLiveBlockedText, goLiveRecord } from '@domain/change';

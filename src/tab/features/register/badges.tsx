/** The badges moved to components/ so every view shows status and flags the same way. */
export { LifecycleBadge, ReviewStatusBadge, RiskFlagBadges } from '../../components/badges';

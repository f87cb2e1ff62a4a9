/** A person's running verified-practitioner badges ("Verified practitioner: Registered Nurses"), wherever their name shows. */
export function PractitionerBadges({ badges }: { badges: string[] }) {
  if (badges.length === 0) return null;
  return (
    <ul className="practitioner-badges" aria-label="Verifications">
      {badges.map((badge) => (
        <li key={badge} className="practitioner-badge" data-testid="practitioner-badge">
          <span aria-hidden="true">✓ </span>
          {badge}
        </li>
      ))}
    </ul>
  );
}

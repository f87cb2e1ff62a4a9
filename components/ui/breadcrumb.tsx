import Link from "next/link";

export interface BreadcrumbStep {
  label: string;
  href: string;
}

/** Where a page sits: linked steps, then the page itself (`aria-current`). Styled by `.breadcrumb` (components/role/role.css). */
export function Breadcrumb({ steps, current }: { steps: readonly BreadcrumbStep[]; current: string }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <ol>
        {steps.map((step) => (
          <li key={step.href}>
            <Link href={step.href}>{step.label}</Link>
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}

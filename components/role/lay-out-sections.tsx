"use client";

import { useEffect } from "react";

/**
 * Lays out the role page's sections one per frame once the page is interactive. Until then a
 * section off screen is skipped (`content-visibility: auto` in role.css), so the first paint
 * lays out only what a phone shows; afterwards no frame lays out more than one section, so no
 * long task blocks the reader (Lighthouse's total blocking time), and by the time anyone
 * scrolls, drags the scroll bar or measures the page, every section has its real height.
 * Marks each section `data-laid-out` and, when all are, the sections' container
 * `data-all-laid-out` (what the e2e specs wait for before measuring). Without JavaScript the
 * browser draws each section as it nears the screen.
 */
export function LayOutSections() {
  useEffect(() => {
    const sections = [...document.querySelectorAll<HTMLElement>(".role-sections > .role-section:not([data-laid-out])")];
    let frame = 0;
    const layOut = (index: number) => {
      const section = sections[index];
      if (!section) {
        document.querySelector(".role-sections")?.setAttribute("data-all-laid-out", "");
        return;
      }
      section.setAttribute("data-laid-out", "");
      frame = requestAnimationFrame(() => layOut(index + 1));
    };
    frame = requestAnimationFrame(() => layOut(0));
    return () => cancelAnimationFrame(frame);
  }, []);
  return null;
}

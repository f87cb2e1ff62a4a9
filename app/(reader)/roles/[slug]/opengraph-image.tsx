import { notFound } from "next/navigation";
import { ImageResponse } from "next/og";
import { isUrlText, ZRoleSlugSchema } from "@/lib/http/request-params";
import { payFigure } from "@/lib/roles/pay-ladder";
import { getRolePageCached } from "@/lib/roles/get-role-page-cached";

// The role's share image (og:image): its title and median pay, drawn with next/og (Geist,
// bundled with Next: nothing is fetched). Cached like the page and revalidated with it.
// (Satori lays out only flex boxes: a <div> with more than one child needs display: flex.)
export const revalidate = 3600;
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";
export const alt = "The career's title and median pay on Careerwiki";

export default async function RoleShareImage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const role = isUrlText(slug) && ZRoleSlugSchema.safeParse(slug).success ? await getRolePageCached({ slug }) : null;
  if (!role) notFound();
  const pay = role.shown.pay;
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", justifyContent: "space-between", padding: 72, background: "#f6f8fa", color: "#1b1f24" }}>
        <div style={{ fontSize: 32, color: "#0a58ca", fontWeight: 700 }}>Careerwiki</div>
        <div style={{ display: "flex", flexDirection: "column" }}>
          <div style={{ fontSize: role.title.length > 60 ? 52 : 68, fontWeight: 700, lineHeight: 1.1 }}>{role.title}</div>
          <div style={{ fontSize: 40, marginTop: 28, color: "#57606a" }}>{pay ? `Median pay ${payFigure(pay.unit, pay.median)} (BLS ${role.wages!.source.referencePeriod})` : "Pay: not published by BLS"}</div>
        </div>
        <div style={{ fontSize: 26, color: "#57606a" }}>{`O*NET-SOC ${role.code} · official data with practitioners' accounts`}</div>
      </div>
    ),
    size,
  );
}

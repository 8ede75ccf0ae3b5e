import { listShareLinks } from "@/lib/review/share";
import { atLeast } from "@/lib/auth/roles";
import { ShareLinks } from "@/components/share-links";
import { requirePageUser } from "@/app/_lib/session";

export const dynamic = "force-dynamic";

export default async function SharePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const { id } = await params;
  const links = await listShareLinks(id);
  return <ShareLinks id={id} initial={JSON.parse(JSON.stringify(links))} canEdit={atLeast(user.role, "member")} />;
}

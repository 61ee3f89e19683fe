select
	__lead__."id" as "0",
	__lead__."email" as "1",
	__lead__."company_name" as "2",
	__lead__."job_title" as "3",
	__lead__."lifecycle_stage" as "4",
	to_char(__lead__."created_at", 'YYYY-MM-DD"T"HH24:MI:SS.USTZH:TZM'::text) as "5",
	array(select array[
	__lead_score__."total"::text,
	__lead_score__."fit"::text,
	__lead_score__."engagement"::text,
	__lead_score__."qualified"::text
	]::text[]
	from "public"."lead_score" as __lead_score__
	where
	(__lead_score__."workspace_id" = __lead__."workspace_id") and (__lead_score__."lead_id" = __lead__."id") and (__lead_score__."version_id" = $1::"uuid")
	order by __lead_score__."workspace_id" asc, __lead_score__."lead_id" asc, __lead_score__."version_id" asc)::text as "6",
	array(select array[
	__handoff__."state",
	__handoff__."owner",
	to_char(__handoff__."created_at", 'YYYY-MM-DD"T"HH24:MI:SS.USTZH:TZM'::text)
	]::text[]
	from "public"."handoff" as __handoff__
	where
	(__handoff__."workspace_id" = __lead__."workspace_id") and (__handoff__."lead_id" = __lead__."id")
	order by __handoff__."created_at" asc, __handoff__."workspace_id" asc, __handoff__."id" asc)::text as "7",
	__campaign__."name" as "8",
	__campaign__."channel" as "9"
	from "public"."lead" as __lead__
	left outer join "public"."campaign" as __campaign__
	on (
	/* WHERE becoming ON */
	(__campaign__."workspace_id" = __lead__."workspace_id") and (__campaign__."id" = __lead__."campaign_id"))
	where (__lead__."workspace_id" = $2::"text")
	order by __lead__."created_at" desc, __lead__."workspace_id" desc, __lead__."id" desc
	limit 50

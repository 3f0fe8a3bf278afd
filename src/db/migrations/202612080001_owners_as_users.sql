-- Owners become users (docs/scorecard-format.md "Units and owners"): the indicators' and objectives' `owner`
-- in every stored structure version is matched to the users by e-mail, ignoring case and surrounding spaces.
--
-- - An owner a user has: written as that user's address, so every reader finds the user by plain equality.
-- - Format @2, an owner no user has that is not an address (a stored file cannot hold one, but versions are
--   kept for ever): the text moves to `ownerName` (after the ownerName already there, in brackets).
-- - Format @2, an address no user has yet: kept; the readers still match by address when the user is created.
-- - Format @1 (versions stored before @2, strict, no `ownerName`): free text that is no user's address stays as
--   it was; reading an @1 version converts it to `ownerName` (core/scorecard/convert-v1.ts).
-- Structure versions are otherwise immutable; this rewrites only the owners, and only where one changes.
-- PostgreSQL 15 SQL (PGlite runs it unchanged); the helper functions are dropped at the end.

create function healthbsc_owner_as_user(item jsonb, v2 boolean) returns jsonb language plpgsql as $$
declare
  owner_text text := btrim(item->>'owner');
  matched text;
begin
  if jsonb_typeof(item) <> 'object' or jsonb_typeof(item->'owner') <> 'string' then
    return item;
  end if;
  select email into matched from app_user where lower(email) = lower(owner_text) order by id limit 1;
  if matched is not null then
    return jsonb_set(item, '{owner}', to_jsonb(matched));
  end if;
  if not v2 or owner_text ~ '^[^@[:space:]]+@[^@[:space:]]+$' then
    return item;
  end if;
  return (item - 'owner') || jsonb_build_object('ownerName',
    case when coalesce(item->>'ownerName', '') = '' then owner_text
         else (item->>'ownerName') || ' (' || owner_text || ')' end);
end $$;

create function healthbsc_owners_of_list(items jsonb, v2 boolean) returns jsonb language plpgsql as $$
declare
  mapped jsonb;
begin
  if jsonb_typeof(items) is distinct from 'array' then
    return items;
  end if;
  select coalesce(jsonb_agg(healthbsc_owner_as_user(x.item, v2) order by x.n), '[]'::jsonb) into mapped
    from jsonb_array_elements(items) with ordinality as x(item, n);
  return mapped;
end $$;

create function healthbsc_owners_of_definition(definition jsonb) returns jsonb language plpgsql as $$
declare
  v2 boolean := definition->>'format' = 'healthbsc/scorecard@2';
  perspectives jsonb;
begin
  if jsonb_typeof(definition->'perspectives') is distinct from 'array' then
    return definition;
  end if;
  select coalesce(jsonb_agg(
           case when jsonb_typeof(x.p) <> 'object' then x.p
                else x.p
                  || case when x.p ? 'indicators'
                       then jsonb_build_object('indicators', healthbsc_owners_of_list(x.p->'indicators', v2))
                       else '{}'::jsonb end
                  || case when x.p ? 'objectives'
                       then jsonb_build_object('objectives', healthbsc_owners_of_list(x.p->'objectives', v2))
                       else '{}'::jsonb end
           end order by x.n), '[]'::jsonb) into perspectives
    from jsonb_array_elements(definition->'perspectives') with ordinality as x(p, n);
  return jsonb_set(definition, '{perspectives}', perspectives);
end $$;

update scorecard_version
   set definition = healthbsc_owners_of_definition(definition)
 where healthbsc_owners_of_definition(definition) <> definition;

drop function healthbsc_owners_of_definition(jsonb);
drop function healthbsc_owners_of_list(jsonb, boolean);
drop function healthbsc_owner_as_user(jsonb, boolean);

-- the deployment's language model that wrote a document's summary; null: Ordo summarised it locally
alter table intake_document add column summary_by text;

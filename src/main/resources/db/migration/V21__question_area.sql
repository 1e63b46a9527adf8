-- A question to the requester is the coordinator's at triage (area null) or an expert's from a screening (the area,
-- so the answer lands on that area's task); answer_by is the date the question mail named (null before this).
alter table clarification add column area varchar(30), add column answer_by date;

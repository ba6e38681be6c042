BEGIN TRANSACTION;
CREATE TABLE answers (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	case_label VARCHAR NOT NULL, 
	question VARCHAR NOT NULL, 
	category VARCHAR NOT NULL, 
	coder VARCHAR NOT NULL, 
	source VARCHAR NOT NULL, 
	confidence FLOAT, 
	evidence TEXT NOT NULL, 
	document_id INTEGER, 
	start INTEGER, 
	"end" INTEGER, 
	created VARCHAR NOT NULL, 
	origin VARCHAR DEFAULT '' NOT NULL, 
	origin_key VARCHAR DEFAULT '' NOT NULL, 
	UNIQUE (case_label, question, coder, source), 
	FOREIGN KEY(case_label) REFERENCES cases (label), 
	FOREIGN KEY(document_id) REFERENCES documents (id)
);
INSERT INTO "answers" VALUES(1,'B','tallfestes','Ja','BHO','manual',NULL,'det meste kan tallfestes',1,59,83,'2026-11-29T18:52:53+00:00','browser','');
CREATE TABLE case_attributes (
	case_label VARCHAR NOT NULL, 
	name VARCHAR NOT NULL, 
	value VARCHAR NOT NULL, 
	PRIMARY KEY (case_label, name), 
	FOREIGN KEY(case_label) REFERENCES cases (label)
);
CREATE TABLE cases (
	label VARCHAR NOT NULL, 
	position INTEGER NOT NULL, 
	PRIMARY KEY (label)
);
INSERT INTO "cases" VALUES('B',0);
CREATE TABLE coder_aliases (
	alias VARCHAR NOT NULL, 
	coder VARCHAR NOT NULL, 
	PRIMARY KEY (alias)
);
CREATE TABLE codes (
	"key" VARCHAR NOT NULL, 
	parent VARCHAR, 
	name VARCHAR NOT NULL, 
	description TEXT NOT NULL, 
	color VARCHAR NOT NULL, 
	position INTEGER NOT NULL, 
	PRIMARY KEY ("key")
);
INSERT INTO "codes" VALUES('tilbakemelding',NULL,'Tilbakemeldinger om resultater','Hvordan kontoret får, forstår og bruker tilbakemeldinger om egne resultater.','#1f77b4',0);
INSERT INTO "codes" VALUES('tilbakemelding.synspunkt','tilbakemelding','Synspunkt på målinger','Informantens syn på å måle og tallfeste resultater i NAV.','',1);
INSERT INTO "codes" VALUES('tilbakemelding.tilgjengelighet','tilbakemelding','Tilgjengelige resultater: målekort, statistikk- og styringspakker','Hvilke resultatdata kontoret har tilgang til, og hvor lett og raskt de kommer.','',2);
INSERT INTO "codes" VALUES('tilbakemelding.oppfolging','tilbakemelding','Oppfølging fra fylket','Hvordan fylkeskontoret følger opp kontorets resultater.','',3);
INSERT INTO "codes" VALUES('tilbakemelding.rutiner','tilbakemelding','Resultatarbeid i kontoret: møter, e-post, tiltak','Kontorets egne rutiner for å arbeide med resultater.','',4);
INSERT INTO "codes" VALUES('tilbakemelding.ansatte','tilbakemelding','Ansatte og tilstandsinformasjon','Om og hvordan de ansatte kjenner til kontorets resultater og reagerer på dem.','',5);
INSERT INTO "codes" VALUES('rangering',NULL,'Sammenlikning og rangering','Sammenlikning av kontor på resultater og hva den brukes til.','#ff7f0e',6);
INSERT INTO "codes" VALUES('rangering.kjennskap','rangering','Kjennskap til rangering','Om informanten vet at kontor rangeres, og hvor eget kontor ligger.','',7);
INSERT INTO "codes" VALUES('rangering.deling','rangering','Deling og beste praksis','Læring mellom kontor, deling av erfaringer og gode grep.','',8);
INSERT INTO "codes" VALUES('deltakelse',NULL,'Deltakelse i målformuleringsprosesser','Lederens rolle når mål og indikatorer blir til og tas i bruk.','#2ca02c',9);
INSERT INTO "codes" VALUES('deltakelse.utforming','deltakelse','Deltakelse i utforming av mål','Om og hvordan kontoret er med på å utforme mål og indikatorer.','',10);
INSERT INTO "codes" VALUES('deltakelse.malforstaelse','deltakelse','Målforståelse og operasjonalisering','Hvordan målene forstås og gjøres om til konkrete mål og handlinger lokalt.','',11);
INSERT INTO "codes" VALUES('frihet',NULL,'Handlingsrom','Hva MRS gjør med kontorets handlingsrom.','#d62728',12);
INSERT INTO "codes" VALUES('frihet.faglig','frihet','Faglig frihet','Kontorets og de ansattes faglige skjønn og frihet under MRS.','',13);
INSERT INTO "codes" VALUES('frihet.ansvar','frihet','Ansvarsområder','Kontorets ansvarsområder og oppgaver, også i partnerskapet med kommunen.','',14);
INSERT INTO "codes" VALUES('motivasjon',NULL,'Motivasjon og resultater','Om mål og resultater motiverer leder og ansatte, eller virker mot sin hensikt.','#9467bd',15);
INSERT INTO "codes" VALUES('historikk',NULL,'Tidligere praksis: konkurranse, «trøyer», for mange indikatorer','Hvordan resultatstyringen var før, og hva som er endret.','#8c564b',16);
CREATE TABLE codings (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	document_id INTEGER NOT NULL, 
	start INTEGER NOT NULL, 
	"end" INTEGER NOT NULL, 
	code VARCHAR NOT NULL, 
	coder VARCHAR NOT NULL, 
	source VARCHAR NOT NULL, 
	confidence FLOAT, 
	evidence TEXT NOT NULL, 
	memo TEXT NOT NULL, 
	created VARCHAR NOT NULL, 
	origin VARCHAR DEFAULT '' NOT NULL, 
	origin_key VARCHAR DEFAULT '' NOT NULL, 
	UNIQUE (document_id, start, "end", code, coder, source), 
	FOREIGN KEY(document_id) REFERENCES documents (id)
);
INSERT INTO "codings" VALUES(1,1,85,109,'motivasjon','BHO','manual',NULL,'','','2026-11-29T18:52:53+00:00','browser','');
CREATE TABLE documents (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	name VARCHAR NOT NULL, 
	sha256 VARCHAR NOT NULL, 
	format VARCHAR NOT NULL, 
	text TEXT NOT NULL, 
	n_words INTEGER NOT NULL, 
	UNIQUE (name)
);
INSERT INTO "documents" VALUES(1,'study.txt','e5fdf7d88bb5528f363bfbb46c41ea8b9b7b03ef5cdbf1bb7700a1de1e9d1b1e','txt','A: Velkommen. Kan resultater tallfestes, tenker du?
B: Ja, det meste kan tallfestes. Kari Hansen sa det også.
',18);
CREATE TABLE events (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	step_id INTEGER NOT NULL, 
	table_name VARCHAR NOT NULL, 
	op VARCHAR NOT NULL, 
	pk TEXT NOT NULL, 
	coder VARCHAR, 
	"before" TEXT, 
	"after" TEXT, 
	FOREIGN KEY(step_id) REFERENCES steps (id)
);
INSERT INTO "events" VALUES(1,1,'meta','add','["schema_version"]',NULL,NULL,'{"key": "schema_version", "value": "3"}');
INSERT INTO "events" VALUES(2,1,'meta','add','["created"]',NULL,NULL,'{"key": "created", "value": "2026-11-29T18:52:51+00:00"}');
INSERT INTO "events" VALUES(3,1,'meta','add','["qualmrs_version"]',NULL,NULL,'{"key": "qualmrs_version", "value": "0.1.0"}');
INSERT INTO "events" VALUES(4,1,'meta','add','["codebook"]',NULL,NULL,'{"key": "codebook", "value": "# Coding frame for the worked example: mål- og resultatstyring (MRS) in NAV offices.\n# Keys are fixed (tables, codings and scripts refer to them); names and texts are Norwegian.\n# phrases/patterns (rule suggestions) were written from each code''s definition, not from the\n# sample transcripts: words in any inflection, matched on lemmas; patterns are spaCy Matcher\n# token patterns over lemmas (LEMMA, LOWER, IN, OP).\nname: MRS i NAV-kontor\nlanguage: nb\ndescription: >\n  Kodeskjema for en masterstudie av mål- og resultatstyring i NAV-kontor: åtte lederintervjuer,\n  fire temaer fra intervjuguiden og sju lukkede spørsmål som gir Tabell 4-1 til 4-3.\n# Informants in the sample are labelled B–I, so «I» is not an interviewer label here.\ninterviewer_labels: [A, Intervjuer]\n\ncodes:\n  - key: tilbakemelding\n    name: Tilbakemeldinger om resultater\n    description: Hvordan kontoret får, forstår og bruker tilbakemeldinger om egne resultater.\n    color: \"#1f77b4\"\n    children:\n      - key: synspunkt\n        name: Synspunkt på målinger\n        description: Informantens syn på å måle og tallfeste resultater i NAV.\n        include: Hva som kan og ikke kan måles, om målingene er riktige, rettferdige eller nyttige.\n        exclude: Hvilke rapporter og tall som finnes (tilgjengelighet).\n        phrases: [tallfeste, sette tall på, målbar, måling, resultatmåling, tellekant, bak tallene, tallene sier ikke alt, sier ikke alt, riktig bilde, det riktige bildet, misvisende, kvantifisere, kvantitativ, kvalitativ, rettferdig, urettferdig, målefokus, tallfokus, målehysteri, måleregime, new public management, som måles blir gjort, som kan telles, registreringspraksis, feilregistrering, saksområde]\n        patterns:\n          - [{LEMMA: kunne}, {LEMMA: {IN: [ikke, man, vi, en, alt, den]}, OP: ''?''}, {LEMMA: {IN: [måle, måler, tallfeste, telle, kvantifisere]}}]\n          - [{LEMMA: {IN: [vanskelig, umulig, lett, enkel, enkelt, mulig, problematisk]}}, {LEMMA: å}, {LEMMA: {IN: [måle, tallfeste, telle, kvantifisere]}}]\n          - [{LEMMA: {IN: [måle, måler, telle, tallfeste]}}, {LEMMA: {IN: [ikke, den]}, OP: ''?''}, {LEMMA: {IN: [kvalitet, innsats, arbeid, jobb, alt]}}]\n          - [{LEMMA: {IN: [indikator, måling, målekort, tall, statistikk, måltall]}}, {LEMMA: {IN: [måle, måler, fange, fortelle, vise, gjenspeile, speile, si]}}, {LEMMA: {IN: [ikke, aldri, bare, ikkje]}}]\n          - [{LEMMA: {IN: [riktig, rett, skjev, feil, gal, fullstendig, dekkende, sann, reell, misvisende, fordreie]}}, {LEMMA: bilde}]\n          - [{LOWER: {IN: [egner, egnet, egne, egna]}}, {LEMMA: {IN: [seg, ikke]}, OP: ''?''}, {LEMMA: {IN: [ikke, seg]}, OP: ''?''}, {LEMMA: {IN: [for, til]}}, {LEMMA: {IN: [måling, måle, resultatmåling, tallfeste, telling]}}]\n          - [{LEMMA: {IN: [måle, måler]}}, {LEMMA: {IN: [den, de]}, OP: ''?''}, {LEMMA: {IN: [riktig, rett, feil, gal, viktig]}}, {LEMMA: {IN: [ting, sak]}}]\n      - key: tilgjengelighet\n        name: \"Tilgjengelige resultater: målekort, statistikk- og styringspakker\"\n        description: Hvilke resultatdata kontoret har tilgang til, og hvor lett og raskt de kommer.\n        include: Målekort, statistikk, styringspakker, lederpakker, månedlige tall, rapporter.\n        exclude: Hva kontoret gjør med tallene (rutiner) eller hva fylket gjør (oppfølging).\n        phrases: [målekort, styringspakke, styringspakker, lederpakke, lederpakker, statistikkpakker, resultatpakker, statistikkpakke, resultatpakke, statistikk, månedsstatistikk, månedlige tall, månedstall, månedsrapport, resultatrapport, resultatrapporter, tertialrapport, kvartalsrapport, rapport, styringsinformasjon, ledelsesinformasjon, nøkkeltall, tallgrunnlag, tallmateriale, datavarehus, intranett, ferske tall, oppdaterte tall, etterslep, resultatoversikt]\n        patterns:\n          - [{LOWER: {IN: [rapporter, lederrapporter, statistikkrapporter]}}]\n          - [{LEMMA: tilgang}, {LEMMA: {IN: [til, på]}}, {LEMMA: {IN: [den, de, vår, ny]}, OP: ''?''}, {LEMMA: {IN: [tall, statistikk, målekort, rapport, rapportere, resultat, data, styringsinformasjon]}}]\n          - [{LEMMA: {IN: [hente, ta, trekke, kjøre]}}, {LEMMA: ut}, {LEMMA: {IN: [den, de, egen, noen]}, OP: ''?''}, {LEMMA: {IN: [tall, statistikk, rapport, liste, data, oversikt, målekort]}}]\n          - [{LEMMA: {IN: [tall, statistikk, målekort, rapport, styringspakke, lederpakke, data]}}, {LEMMA: {IN: [komme, foreligge, publisere, oppdatere]}}, {LEMMA: {IN: [sen, sein, etter, ut, rask, fort, hver, først, månedlig, ukentlig, tidlig, løpende, forsinke]}}]\n          - [{LEMMA: {IN: [tall, statistikk, målekort, rapport, styringspakke, lederpakke, data]}}, {LEMMA: henge}, {LEMMA: etter}]\n          - [{LEMMA: {IN: [tall, statistikk, målekort, rapport, styringspakke, lederpakke, data]}}, {LEMMA: ligge}, {LEMMA: {IN: [ute, tilgjengelig]}}]\n          - [{LEMMA: {IN: [tall, statistikk, målekort, rapport, styringspakke, lederpakke, data]}}, {LEMMA: ligge}, {LEMMA: {IN: [på, i]}}, {LEMMA: {IN: [nett, intranett, nav, portal, datavarehus]}}]\n          - [{LEMMA: oversikt}, {LEMMA: over}, {LEMMA: {IN: [den, de, vår]}, OP: ''?''}, {LEMMA: {IN: [tall, resultat, måloppnåelse, indikator, statistikk]}}]\n          - [{LEMMA: {IN: [gammel, utdatert, forsinke, foreløpig]}}, {LEMMA: {IN: [tall, statistikk, data]}}]\n      - key: oppfolging\n        name: Oppfølging fra fylket\n        description: Hvordan fylkeskontoret følger opp kontorets resultater.\n        include: Oppfølgingsmøter, telefoner, dialog, press og støtte fra fylket eller direktoratet.\n        exclude: Kontorets egne interne møter (rutiner).\n        phrases: [oppfølgingsmøte, resultatdialog, styringsdialog, styringsmøte, resultatsamtale, oppfølgingssamtale, tertialmøte, lederavtale, resultatavtale, avviksforklaring, redegjøre, på teppet, fylkets oppfølging, oppfølging fra fylket, fylket følger opp, press fra fylket, støtte fra fylket, fylkesrådgiver]\n        patterns:\n          - [{LEMMA: {IN: [oppfølging, press, støtte, telefon, telefonsamtale, henvendelse, spørsmål, besøk, purring, tilbakemelding, beskjed, krav, forventning, signal, e-post, mail, kontakt, dialog, møte]}}, {LEMMA: {IN: [fra, med, av]}}, {LEMMA: {IN: [den, de]}, OP: ''?''}, {LEMMA: {IN: [fylke, fylkeskontor, fylkesdirektør, fylkesleder, fylkesledelse, direktorat, fylkesnivå]}}]\n          - [{LEMMA: {IN: [fylke, fylkeskontor, fylkesdirektør, fylkesleder, fylkesledelse, direktorat, fylkesnivå]}}, {OP: ''?''}, {OP: ''?''}, {LEMMA: {IN: [ringe, etterspørre, purre, kontakte, innkalle, besøke, besøker, presse, press, mase, maser, reagere, kreve, etterlyse]}}]\n          - [{LEMMA: {IN: [fylke, fylkeskontor, fylkesdirektør, fylkesleder, fylkesledelse, direktorat, fylkesnivå]}}, {OP: ''?''}, {LEMMA: følge}, {LEMMA: {IN: [vi, kontor, den, de, tett, god, nøye]}, OP: ''?''}, {LEMMA: opp}]\n          - [{LEMMA: følge}, {LEMMA: {IN: [tett, nøye, god, hard, mye]}, OP: ''?''}, {LEMMA: opp}, {LEMMA: {IN: [av, fra]}}, {LEMMA: {IN: [den, de]}, OP: ''?''}, {LEMMA: {IN: [fylke, fylkeskontor, fylkesdirektør, fylkesleder, fylkesledelse, direktorat, fylkesnivå]}}]\n          - [{LEMMA: {IN: [rådgiver, kontaktperson, controlle, controllere, controlleren, økonomirådgiver, analytiker, seniorrådgiver]}}, {LEMMA: {IN: [i, på, fra, hos]}}, {LEMMA: {IN: [fylke, fylkeskontor, fylkesledelse, direktorat]}}]\n          - [{LEMMA: {IN: [fylkets, fylkeskontorets, fylkesdirektørens, direktorat]}}, {LEMMA: {IN: [oppfølging, rådgiver, kontaktperson, controlle, controllere, controlleren, krav, forventning, møte, dialog, press, spørsmål, fokus]}}]\n          - [{LEMMA: {IN: [forklare, begrunne, rapportere, svare]}}, {LEMMA: {IN: [for, på]}, OP: ''?''}, {LEMMA: {IN: [den, de]}, OP: ''?''}, {LEMMA: {IN: [avvik, avvike, nedgang]}}]\n      - key: rutiner\n        name: \"Resultatarbeid i kontoret: møter, e-post, tiltak\"\n        description: Kontorets egne rutiner for å arbeide med resultater.\n        include: Resultatmøter, e-post om tall, tavler, tiltak når tallene går ned, lokale planer.\n        exclude: At de ansatte får se tallene (ansatte); fylkets oppfølging.\n        phrases: [resultatmøte, tavlemøte, personalmøte, allmøte, ukemøte, morgenmøte, avdelingsmøte, teammøte, ledergruppemøte, tavle, resultattavle, tiltaksplan, handlingsplan, virksomhetsplan, lokal plan, kampanje, dugnad, resultatansvarlig, indikatoransvarlig, målansvarlig, sette inn tiltak, iverksette tiltak, sette i gang tiltak, gå gjennom tallene, går gjennom tallene, gjennomgang av tallene]\n        patterns:\n          - [{LEMMA: {IN: [sette, iverksette, gjøre, starte, igangsette, igangsetter]}}, {LEMMA: {IN: [inn, i, igang, opp]}, OP: ''?''}, {LEMMA: {IN: [gang, verk]}, OP: ''?''}, {LEMMA: {IN: [noen, ny, konkret, ekstra, egen, mange, målrettet]}, OP: ''?''}, {LEMMA: tiltak}]\n          - [{LEMMA: tiltak}, {LEMMA: {IN: [for, når, hvis, dersom, om]}}, {OP: ''?''}, {OP: ''?''}, {LEMMA: {IN: [tall, resultat, måloppnåelse, indikator, måltall]}}]\n          - [{LEMMA: {IN: [gå, går, gjennomgå]}}, {LEMMA: gjennom, OP: ''?''}, {LEMMA: {IN: [den, de, vår, ny, sist]}, OP: ''?''}, {LEMMA: {IN: [tall, resultat, målekort, statistikk, måltall, måloppnåelse, indikator]}}]\n          - [{LEMMA: {IN: [ta, se, diskutere, drøfte, analysere, presentere, vise]}}, {LEMMA: {IN: [opp, på]}, OP: ''?''}, {LEMMA: {IN: [den, de, vår, ny, sist]}, OP: ''?''}, {LEMMA: {IN: [tall, resultat, målekort, statistikk, måltall, måloppnåelse, indikator]}}, {LEMMA: {IN: [på, i]}}, {LEMMA: {IN: [den, de, hver, vår]}, OP: ''?''}, {LEMMA: {IN: [møte, resultatmøte, personalmøte, allmøte, teammøte, ledergruppe, ledergruppemøte, ukemøte, avdelingsmøte, morgenmøte, tavlemøte]}}]\n          - [{LEMMA: {IN: [sende]}}, {LEMMA: ut, OP: ''?''}, {LEMMA: {IN: [en, den, noen]}, OP: ''?''}, {LEMMA: {IN: [e-post, mail, epost, oversikt, tall, målekort, statistikk]}}]\n          - [{LEMMA: {IN: [e-post, mail, epost]}}, {LEMMA: {IN: [om, med]}}, {LEMMA: {IN: [den, de]}, OP: ''?''}, {LEMMA: {IN: [tall, resultat, målekort, statistikk, måloppnåelse, status]}}]\n          - [{LEMMA: {IN: [tall, resultat, måloppnåelse]}}, {LEMMA: {IN: [gå, går, synke, falle]}}, {LEMMA: ned}, {OP: ''?''}, {LEMMA: {IN: [da, så]}}]\n          - [{LEMMA: {IN: [maile, mail, e-post, epost]}}, {LEMMA: {IN: [ut, om]}, OP: ''?''}, {LEMMA: {IN: [den, de]}, OP: ''?''}, {LEMMA: {IN: [tall, resultat, målekort, statistikk]}}]\n          - [{LEMMA: whiteboard}]\n      - key: ansatte\n        name: Ansatte og tilstandsinformasjon\n        description: Om og hvordan de ansatte kjenner til kontorets resultater og reagerer på dem.\n        include: Deling av målekort med ansatte, ansattes reaksjoner, tilstandsinformasjon.\n        exclude: Lederens egen kunnskap om resultatene.\n        phrases: [tilstandsinformasjon, oppslagstavle, på veggen, henge opp målekortet, de ansatte får se, ansattes reaksjon, åpenhet om tallene, åpen om resultatene, eierskap til resultatene, eierskap til tallene, eierskap til målene, dele målekortet med de ansatte, deler målekortet med de ansatte, informere de ansatte, de ansatte vet]\n        patterns:\n          - [{LEMMA: {IN: [vise, dele, delere, presentere, legge, sende, formidle, gjennomgå]}}, {OP: ''?''}, {OP: ''?''}, {LEMMA: {IN: [for, med, til, ut]}}, {LEMMA: {IN: [den, de, alle, min, hel]}, OP: ''?''}, {LEMMA: {IN: [ansatt, medarbeider, veileder, veilede, saksbehandler, personale, personal, personalgruppe, kollega]}}]\n          - [{LEMMA: {IN: [informere, orientere, orienterer, oppdatere]}}, {LEMMA: {IN: [den, de, alle, hel]}, OP: ''?''}, {LEMMA: {IN: [ansatt, medarbeider, veileder, veilede, saksbehandler, personale, personal, personalgruppe]}}]\n          - [{LEMMA: {IN: [ansatt, medarbeider, veileder, veilede, saksbehandler, personale, personal, personalgruppe]}}, {LEMMA: {IN: [være, ikke, også, alltid, god, nok, jo]}, OP: ''?''}, {LEMMA: {IN: [ikke, også, god, veldig, jo]}, OP: ''?''}, {LEMMA: {IN: [vite, kjenne, kjent, reagere, bry, interessere, opptatt]}}]\n          - [{LEMMA: {IN: [ansatt, medarbeider, veileder, veilede]}}, {LEMMA: {IN: [reaksjon, forhold, kjennskap, kunnskap, forståelse, eierskap, engasjement]}}]\n          - [{LEMMA: henge}, {LEMMA: opp, OP: ''?''}, {LEMMA: {IN: [den, de]}, OP: ''?''}, {LEMMA: {IN: [målekort, tall, resultat, statistikk, oversikt, graf, kurve]}}]\n          - [{LEMMA: hver}, {LEMMA: enkelt}, {LEMMA: {IN: [ansatt, medarbeider, veileder, veilede, saksbehandler, team]}}]\n          - [{LEMMA: {IN: [individuell, egen, personlig]}}, {LEMMA: {IN: [tall, statistikk, resultat, måltall, målekort]}}, {LEMMA: {IN: [for, på, til]}, OP: ''?''}, {LEMMA: {IN: [hver, ansatt, veileder, veilede, medarbeider, saksbehandler]}}]\n  - key: rangering\n    name: Sammenlikning og rangering\n    description: Sammenlikning av kontor på resultater og hva den brukes til.\n    color: \"#ff7f0e\"\n    children:\n      - key: kjennskap\n        name: Kjennskap til rangering\n        description: Om informanten vet at kontor rangeres, og hvor eget kontor ligger.\n        include: Rangeringslister, plassering, fargekoder, tabeller som sammenlikner kontor.\n        exclude: Læring fra andre kontor (deling).\n        phrases: [rangering, rangeringsliste, rangere, rangert, ranking, plassering, tabell, ligatabell, fargekode, trafikklys, opp mot hverandre, sammenlikning av kontorene, sammenligning av kontorene, sammenlignbare kontorer, sammenliknbare kontorer, landssnitt, fylkessnitt, landsgjennomsnitt, fylkesgjennomsnitt, over snittet, under snittet, sisteplass, førsteplass, jumbo, jumboplass, midt på treet, benchmarking, best i fylket, dårligst i fylket]\n        patterns:\n          - [{LEMMA: {IN: [sammenlikne, sammenligne]}}, {LEMMA: {IN: [vi, seg, de, den]}, OP: ''?''}, {LEMMA: {IN: [med, mot, opp]}, OP: ''?''}, {LEMMA: {IN: [mot]}, OP: ''?''}, {LEMMA: {IN: [den, de, alle]}, OP: ''?''}, {LEMMA: {IN: [annen, nabokontor, nav-kontor, kontor, hverandre, land, landssnitt, fylkessnitt]}}]\n          - [{LEMMA: {IN: [sammenlikning, sammenligning]}}, {LEMMA: {IN: [av, med, mellom]}}, {LEMMA: {IN: [den, de, alle]}, OP: ''?''}, {LEMMA: {IN: [annen, kontor, nav-kontor, hverandre, nabokontor]}}]\n          - [{LEMMA: i}, {LEMMA: forhold}, {LEMMA: til}, {LEMMA: {IN: [den, de]}, OP: ''?''}, {LEMMA: {IN: [annen, alle]}}, {LEMMA: {IN: [kontor, nav-kontor, nabokontor, kommune, fylke]}}]\n          - [{LEMMA: {IN: [øvre, nedre, høy, lav, lang, topp, bunn, bunne, midt, først, sist]}}, {LEMMA: {IN: [nede, oppe, opp, ned]}, OP: ''?''}, {LEMMA: {IN: [på, i]}}, {LEMMA: {IN: [den, de]}, OP: ''?''}, {LEMMA: {IN: [liste, tabell, rangering, rangeringsliste, resultatliste]}}]\n          - [{LEMMA: {IN: [øvre, nedre]}}, {LEMMA: {IN: [på, i]}}, {LEMMA: {IN: [fylke, land]}}]\n          - [{LEMMA: {IN: [topp, bunn, bunne]}}, {LEMMA: av}, {LEMMA: {IN: [den, de]}, OP: ''?''}, {LEMMA: {IN: [liste, tabell, rangering, rangeringsliste, resultatliste]}}]\n          - [{LEMMA: {IN: [ligge, havne, komme, være]}}, {LEMMA: {IN: [hel, lang, god, høy, lav]}, OP: ''?''}, {LEMMA: {IN: [i, på]}}, {LEMMA: {IN: [topp, bunnsjikt, toppsjikt, jumboplass]}}]\n          - [{LEMMA: {IN: [første, annen, tredje, fjerde, femte, sjette, sjuende, syvende, åttende, niende, tiende, tie, sist, nest, ''1.'', ''2.'', ''3.'', ''4.'', ''5.'', ''6.'', ''7.'', ''8.'', ''9.'', ''10.'', ''11.'', ''12.'']}}, {LEMMA: {IN: [sist]}, OP: ''?''}, {LEMMA: plass}]\n          - [{LEMMA: nummer}, {LOWER: {IN: [en, én, ett, to, tre, fire, fem, seks, sju, syv, åtte, ni, ti, elleve, tolv, ''1'', ''2'', ''3'', ''4'', ''5'', ''6'', ''7'', ''8'', ''9'', ''10'', ''11'', ''12'']}}, {LEMMA: {IN: [i, av, på]}}]\n          - [{LEMMA: topp}, {LOWER: {IN: [tre, fem, ti, ''3'', ''5'', ''10'']}}]\n          - [{LEMMA: {IN: [i, på]}}, {LEMMA: {IN: [rødt, grønt, gult, rød, grønn]}}]\n          - [{LEMMA: {IN: [rødt, grønt, gult, rød, grønn, gul]}}, {LEMMA: {IN: [og, eller]}}, {LEMMA: {IN: [rødt, grønt, gult, rød, grønn, gul]}}]\n          - [{LEMMA: {IN: [god, dårlig, svak, sterk]}}, {LEMMA: {IN: [i]}}, {LEMMA: {IN: [fylke, land, region]}}]\n          - [{LEMMA: blant}, {LEMMA: {IN: [den, de]}}, {LEMMA: {IN: [god, dårlig, svak, sterk, sist, første]}}]\n      - key: deling\n        name: Deling og beste praksis\n        description: Læring mellom kontor, deling av erfaringer og gode grep.\n        include: Nettverk, lederforum, besøk hos andre kontor, beste praksis.\n        exclude: Selve rangeringen (kjennskap).\n        phrases: [beste praksis, gode grep, lære av hverandre, lære av de andre, lærer av de andre, nettverk, ledernettverk, nettverkssamling, lederforum, ledersamling, erfaringsdeling, erfaringsutveksling, dele erfaringer, deler erfaringer, utveksle erfaringer, hospitere, hospitering, studietur, studiebesøk, nabokontor, suksesshistorie, suksessfaktor, stjele ideer]\n        patterns:\n          - [{LEMMA: {IN: [lære, lærer, hente, låne, lån, stjele, plukke, få]}}, {LEMMA: {IN: [noe, mye, ide, idé, tips, inspirasjon, erfaring]}, OP: ''?''}, {LEMMA: {IN: [av, fra, hos]}}, {LEMMA: {IN: [den, de]}, OP: ''?''}, {LEMMA: {IN: [annen, hverandre, kontor, nav-kontor, nabokontor, kollega, nabokommune]}}]\n          - [{LEMMA: {IN: [dele, delere, utveksle, spre]}}, {LEMMA: {IN: [god, sin, vår, noen, den]}, OP: ''?''}, {LEMMA: {IN: [erfaring, idé, ide, praksis, grep, gripe, opplegg, metode, kunnskap, tips, løsning, suksesshistorie]}}]\n          - [{LEMMA: {IN: [dele, delere]}}, {LEMMA: {IN: [med, på]}}, {LEMMA: {IN: [den, de, hverandre]}, OP: ''?''}, {LEMMA: {IN: [annen, hverandre, kontor, nav-kontor, nabokontor]}}]\n          - [{LEMMA: {IN: [besøke, besøker, besøk, reise, dra, ringe, kontakte, spørre, hospitere, samarbeide, samarbeid]}}, {LEMMA: {IN: [til, hos, på, med]}, OP: ''?''}, {LEMMA: {IN: [den, en, noen]}, OP: ''?''}, {LEMMA: {IN: [annen, nabo]}}, {LEMMA: {IN: [kontor, nav-kontor, leder, nav-leder]}}]\n          - [{LEMMA: {IN: [hva, hvordan]}}, {LEMMA: gjøre}, {LEMMA: {IN: [den, de]}}, {LEMMA: {IN: [annen, kontor, nav-kontor]}}]\n          - [{LEMMA: {IN: [kontor, nav-kontor, leder, nav-leder]}}, {LEMMA: som}, {LEMMA: {IN: [lykkes, lykke]}}]\n  - key: deltakelse\n    name: Deltakelse i målformuleringsprosesser\n    description: Lederens rolle når mål og indikatorer blir til og tas i bruk.\n    color: \"#2ca02c\"\n    children:\n      - key: utforming\n        name: Deltakelse i utforming av mål\n        description: Om og hvordan kontoret er med på å utforme mål og indikatorer.\n        include: Innspill til fylket eller direktoratet, lokale mål, dialog om måltall.\n        exclude: Hvordan målene tolkes etter at de er satt (målforståelse).\n        phrases: [innspill, høringsinnspill, høringsrunde, medvirkning, medvirke, medbestemmelse, bli involvert, påvirkningsmulighet, påvirkningskraft, ovenfra, toppstyrt, top-down, styrt ovenfra, sentralt bestemt, bestemt sentralt, lokale mål, egne mål, målformulering, målformuleringsprosess, utforme mål, formulere mål, tildelingsbrev, disponeringsbrev, være med på å sette målene, være med på å bestemme, forhandle om måltall, forhandler om måltall]\n        patterns:\n          - [{LEMMA: {IN: [være, få, bli]}}, {LEMMA: {IN: [med, delaktig, involvere]}}, {LEMMA: {IN: [på, og, i]}}, {LEMMA: å, OP: ''?''}, {LEMMA: {IN: [sette, utforme, påvirke, bestemme, lage, utarbeide, forme, definere, formulere, velge, fastsette, diskutere, prosess]}}]\n          - [{LEMMA: {IN: [sette, utforme, fastsette, formulere, utarbeide, definere, lage, velge, bestemme, forhandle, forhandler, justere, endre, påvirke]}}, {LEMMA: {IN: [opp, om]}, OP: ''?''}, {LEMMA: {IN: [egen, lokal, vår, sin, noen, den, de, ny]}, OP: ''?''}, {LEMMA: {IN: [måltall, indikator, målsetting, ambisjonsnivå, resultatmål, målekort, mål]}}]\n          - [{LEMMA: {IN: [mål, måltall, indikator, målsetting, ambisjonsnivå, resultatmål]}}, {LEMMA: {IN: [bli, være]}}, {LEMMA: {IN: [sette, bestemme, fastsette, gi, vedta, pålegge, utforme, styre, definere, diktere]}}]\n          - [{LEMMA: {IN: [innspill, dialog, diskusjon, forhandling, drøfting, samtale]}}, {LEMMA: {IN: [om, til, på, rundt]}}, {LEMMA: {IN: [den, de, vår, ny]}, OP: ''?''}, {LEMMA: {IN: [måltall, mål, indikator, målekort, ambisjonsnivå, fylke, direktorat, målsetting, resultatmål]}}]\n          - [{LEMMA: {IN: [påvirke, påvirkning, medvirke, medvirkning]}}, {LEMMA: {IN: [på, i, til]}, OP: ''?''}, {LEMMA: {IN: [den, de, hva, hvilken]}, OP: ''?''}, {LEMMA: {IN: [mål, måltall, indikator, målekort, målsetting, ambisjonsnivå]}}]\n          - [{LEMMA: {IN: [lederforum, ledersamling, ledermøte, fylkesledermøte]}}, {OP: ''?''}, {OP: ''?''}, {OP: ''?''}, {LEMMA: {IN: [måltall, mål, indikator, målsetting, ambisjonsnivå]}}]\n          - [{LEMMA: {IN: [komme, styre, bestemme, diktere, pålegge, fastsette, gi]}}, {LEMMA: {IN: [ovenfra, sentral]}}]\n          - [{LEMMA: tre}, {LEMMA: ned}, {LEMMA: over}, {LEMMA: hode}]\n      - key: malforstaelse\n        name: Målforståelse og operasjonalisering\n        description: Hvordan målene forstås og gjøres om til konkrete mål og handlinger lokalt.\n        include: Tolkning av indikatorer, lokale delmål, hva målene egentlig betyr.\n        exclude: Deltakelse i å sette målene (utforming).\n        phrases: [målforståelse, tolke målene, operasjonalisere, operasjonalisering, konkretisere, konkretisering, bryte ned, bryter ned, delmål, satsingsområde, satsningsområde, fokusområde, overordnede mål, hovedmål, samfunnsoppdrag, flere i arbeid, målhierarki, målkjede, gjøre om til handling, omsette i praksis, hva betyr målet]\n        patterns:\n          - [{LEMMA: {IN: [tolke, fortolke, fortolker, forstå, skjønne, skjønn, oppfatte, forklare, tyde]}}, {LEMMA: {IN: [den, de, hva, vår]}, OP: ''?''}, {LEMMA: {IN: [mål, måltall, indikator, målsetting, resultatmål, delmål, målekort, måleparameter]}}]\n          - [{LEMMA: {IN: [forståelse, tolkning, fortolkning, oppfatning]}}, {LEMMA: {IN: [av, for]}}, {LEMMA: {IN: [den, de, hva]}, OP: ''?''}, {LEMMA: {IN: [mål, måltall, indikator, målsetting, resultatmål, målekort]}}]\n          - [{LEMMA: hva}, {LEMMA: {IN: [mål, måltall, indikator, målsetting, målekort]}}, {LEMMA: {IN: [egentlig, faktisk, jo]}, OP: ''?''}, {LEMMA: {IN: [bety, innebære, måle, måler, gå, går, handle]}}]\n          - [{LEMMA: hva}, {LEMMA: {IN: [bety, innebære]}}, {LEMMA: {IN: [egentlig, faktisk, jo]}, OP: ''?''}, {LEMMA: {IN: [den, de]}, OP: ''?''}, {LEMMA: {IN: [mål, måltall, indikator, målsetting, målekort]}}]\n          - [{LEMMA: {IN: [gjøre, omsette, oversette, oversetter, bryte, bryter, overføre, konkretisere, operasjonalisere]}}, {LEMMA: {IN: [den, de]}, OP: ''?''}, {LEMMA: {IN: [mål, måltall, indikator, målsetting]}}, {LEMMA: {IN: [om, ned, ut]}, OP: ''?''}, {LEMMA: {IN: [til, i, på]}}, {LEMMA: {IN: [handling, konkret, praksis, tiltak, hverdag, aktivitet, team, teamnivå, veileder, veilede, delmål, lokal]}}]\n          - [{LEMMA: {IN: [omsette, oversette, oversetter]}}, {OP: ''?''}, {LEMMA: {IN: [til, i]}}, {LEMMA: {IN: [handling, praksis, tiltak, konkret, hverdag]}}]\n          - [{LEMMA: {IN: [bryte, bryter]}}, {LEMMA: {IN: [den, de]}, OP: ''?''}, {LEMMA: {IN: [mål, måltall, indikator, målsetting]}}, {LEMMA: ned}]\n          - [{LEMMA: {IN: [indikator, mål, måltall, målekort]}}, {LEMMA: {IN: [bli, være]}, OP: ''?''}, {LEMMA: {IN: [beregne, beregner, regne, definere, telle, sammensette]}}]\n          - [{LEMMA: tilpasse}, {LEMMA: {IN: [den, de]}, OP: ''?''}, {LEMMA: {IN: [mål, måltall, indikator, målsetting]}}]\n          - [{LEMMA: {IN: [forankre, forankring]}}, {OP: ''?''}, {LEMMA: {IN: [den, de]}, OP: ''?''}, {LEMMA: {IN: [mål, måltall, målsetting]}}]\n  - key: frihet\n    name: Handlingsrom\n    description: Hva MRS gjør med kontorets handlingsrom.\n    color: \"#d62728\"\n    children:\n      - key: faglig\n        name: Faglig frihet\n        description: Kontorets og de ansattes faglige skjønn og frihet under MRS.\n        include: Skjønn, metodevalg, prioriteringer i brukeroppfølgingen.\n        exclude: Hvilke oppgaver kontoret har (ansvarsområder).\n        phrases: [faglig skjønn, skjønnsvurdering, skjønnsmessig, faglig vurdering, faglig frihet, handlingsrom, faglig handlingsrom, frihet, metodefrihet, metodevalg, metodikk, arbeidsmetode, metode, autonomi, detaljstyring, detaljstyrt, spillerom, frie tøyler, stå fritt, tvangstrøye, faglighet, faglig forsvarlig, brukerens behov, individuelle behov, individuell vurdering, bestemme selv]\n        patterns:\n          - [{LOWER: {IN: [skjønn, skjønnet, skjønnets, skjønnsutøvelse, skjønnsutøvelsen]}}]\n          - [{LEMMA: faglig}, {LEMMA: {IN: [frihet, vurdering, skjønn, handlingsrom, forsvarlig, hensyn, autonomi, integritet, selvstendighet, begrunnelse, ståsted, prioritering, avveining, vurderingsevne]}}]\n          - [{LEMMA: {IN: [begrense, begrenset, innskrenke, utvide, snevre, øke, redusere, gi, ta]}}, {LEMMA: {IN: [inn]}, OP: ''?''}, {LEMMA: {IN: [den, de, vår, sin]}, OP: ''?''}, {LEMMA: {IN: [faglig]}, OP: ''?''}, {LEMMA: {IN: [frihet, handlingsrom, skjønn, spillerom, autonomi, metodefrihet]}}]\n          - [{LEMMA: {IN: [prioritere, prioritering]}}, {LEMMA: {IN: [mellom, av, blant]}, OP: ''?''}, {LEMMA: {IN: [den, de, ulik]}, OP: ''?''}, {LEMMA: {IN: [bruker, bruke, brukergruppe, sak, ungdom, oppfølging, brukeroppfølging, målgruppe, innsatsgruppe]}}]\n          - [{LEMMA: prioritere}, {LEMMA: den}, {LEMMA: som}, {LEMMA: {IN: [måle, telle, gi, vise]}}]\n          - [{LEMMA: {IN: [velge, bestemme, avgjøre, avgjører, finne]}}, {LEMMA: {IN: [selv, sin, egen, vår, den]}, OP: ''?''}, {LEMMA: {IN: [metode, arbeidsmåte, arbeidsmetode, arbeidsform, virkemiddel, fremgangsmåte]}}]\n          - [{LEMMA: hva}, {LEMMA: {IN: [den, bruker, bruke]}}, {LEMMA: {IN: [enkelt, bruker, bruke]}, OP: ''?''}, {LEMMA: {IN: [trenge, ønske]}}]\n          - [{LEMMA: {IN: [bruker, bruke]}}, {LEMMA: {IN: [situasjon, interesse]}}]\n          - [{LEMMA: {IN: [jobbe, arbeide, arbeider]}}, {LEMMA: {IN: [for, mot]}}, {LEMMA: {IN: [den, de]}, OP: ''?''}, {LEMMA: {IN: [indikator, måltall, statistikk, målekort]}}]\n      - key: ansvar\n        name: Ansvarsområder\n        description: Kontorets ansvarsområder og oppgaver, også i partnerskapet med kommunen.\n        include: Nye eller bortfalte oppgaver, kommunale tjenester, avgrensning av ansvar.\n        exclude: Faglig skjønn innenfor oppgavene (faglig frihet).\n        phrases: [ansvarsområde, ansvarsfordeling, ansvarsdeling, arbeidsdeling, oppgavefordeling, oppgaveportefølje, nye oppgaver, kommunale oppgaver, statlige oppgaver, forvaltningsoppgave, partnerskap, partnerskapsavtale, samarbeidsavtale, kommunale tjenester, tjenestetilbud, minimumsløsning, sosialhjelp, sosialtjeneste, kvalifiseringsprogram, gjeldsrådgivning, økonomisk rådgivning, flyktningtjeneste, introduksjonsprogram, bostøtte, rådmann, kommunalsjef, forvaltningsenhet, nav forvaltning, sentralisering, grenseoppgang]\n        patterns:\n          - [{LEMMA: {IN: [ny, mange, få, ekstra, miste, overta, overføre, fjerne, flytte, tilføre, utvide, kommunal, statlig, lovpålagt, valgfri]}}, {LEMMA: {IN: [den, de, noen]}, OP: ''?''}, {LEMMA: {IN: [oppgave, ansvarsområde, tjeneste, arbeidsoppgave]}}]\n          - [{LEMMA: {IN: [oppgave, arbeidsoppgave, ansvar, tjeneste, forvaltning, saksbehandling]}}, {LEMMA: {IN: [bli, være]}, OP: ''?''}, {LEMMA: {IN: [flytte, overføre, sentralisere, ta, fjerne, tilføre, legge]}}, {LEMMA: {IN: [ut, fra, bort, over, til, vekk, inn]}}]\n          - [{LEMMA: {IN: [vi, kontor, nav-kontor, nav, kommune, stat]}}, {LEMMA: {IN: [ha, få, ta, miste, overta, dele]}}, {LEMMA: {IN: [få, også, nå, jo, hel, fortsatt, ikke]}, OP: ''?''}, {LEMMA: {IN: [den, en]}, OP: ''?''}, {LEMMA: {IN: [hovedansvar, ansvar]}}, {LEMMA: for}]\n          - [{LEMMA: {IN: [kommunal, statlig]}}, {LEMMA: {IN: [del, side, linje, ansatt, ansvar, område, virksomhet, oppgave, tjeneste]}}]\n          - [{LEMMA: {IN: [stat, statlig]}}, {LEMMA: og}, {LEMMA: {IN: [kommune, kommunal]}}]\n          - [{LEMMA: {IN: [avgrense, avgrensning, avklare, avklaring, fordele, fordeling]}}, {LEMMA: {IN: [av]}, OP: ''?''}, {LEMMA: {IN: [den, de]}, OP: ''?''}, {LEMMA: {IN: [ansvar, oppgave, ansvarsområde, rolle]}}]\n          - [{LEMMA: {IN: [samarbeid, samarbeide, partnerskap, avtale]}}, {LEMMA: med}, {LEMMA: {IN: [kommune, rådmann, kommunal]}}]\n  - key: motivasjon\n    name: Motivasjon og resultater\n    description: Om mål og resultater motiverer leder og ansatte, eller virker mot sin hensikt.\n    include: Glede over gode tall, press, stress, konkurranseinstinkt, likegyldighet.\n    exclude: Syn på målingenes kvalitet (synspunkt).\n    phrases: [motivere, motivasjon, demotivere, inspirere, engasjement, engasjere, stolt, stolthet, mestringsfølelse, gøy, kake, ros, skryt, belønning, press, prestasjonspress, resultatpress, stress, stresset, konkurranseinstinkt, likegyldig, likegyldighet, frustrasjon, frustrert, skuffet, mot sin hensikt, kontraproduktiv, juks, jukse, jukser]\n    patterns:\n      - [{LEMMA: bry}, {LEMMA: seg}, {LEMMA: {IN: [ikke, noe, lite, mye, veldig]}, OP: ''?''}, {LEMMA: {IN: [om, noe]}}, {LEMMA: {IN: [den, de, om]}, OP: ''?''}, {LEMMA: {IN: [tall, resultat, mål, målekort, statistikk, rangering, indikator, måltall]}}]\n      - [{LEMMA: {IN: [glad, fornøyd, stolt, lei, skuffe, glede, gøy, moro, deilig, artig]}}, {OP: ''?''}, {OP: ''?''}, {LEMMA: {IN: [nå, når]}}, {LEMMA: {IN: [den, de]}, OP: ''?''}, {LEMMA: {IN: [mål, måltall, målsetting]}}]\n      - [{LEMMA: {IN: [glede, jubel, stolthet, frustrasjon]}}, {LEMMA: {IN: [over, for, når, ved]}}, {OP: ''?''}, {LEMMA: {IN: [tall, resultat, måloppnåelse, målekort]}}]\n      - [{LEMMA: {IN: [tall, resultat, mål, måltall, målekort, indikator, rangering]}}, {LEMMA: {IN: [gi, skape, virke, drive]}}, {LEMMA: {IN: [energi, motivasjon, engasjement, inspirasjon, lyst, drive, motivere, demotivere]}}]\n      - [{LEMMA: {IN: [pynte, sminke, fiks, manipulere, jukse, jukser, triks, trikse]}}, {LEMMA: {IN: [på, med]}, OP: ''?''}, {LEMMA: {IN: [den, de]}, OP: ''?''}, {LEMMA: {IN: [tall, statistikk, resultat, registrering]}}]\n      - [{LEMMA: {IN: [føle, bli, være, kjenne]}}, {LEMMA: {IN: [vi, seg, jeg]}, OP: ''?''}, {LEMMA: {IN: [veldig, litt, mye, hard, ganske, ikke]}, OP: ''?''}, {LEMMA: presse}]\n      - [{LEMMA: {IN: [gulrot, pisk]}}, {LEMMA: {IN: [og, eller]}}, {LEMMA: {IN: [gulrot, pisk]}}]\n    color: \"#9467bd\"\n  - key: historikk\n    name: \"Tidligere praksis: konkurranse, «trøyer», for mange indikatorer\"\n    description: Hvordan resultatstyringen var før, og hva som er endret.\n    include: Konkurranse mellom kontor, «trøyer» til beste kontor, for mange indikatorer.\n    exclude: Dagens praksis.\n    phrases: [trøye, gul trøye, den gule trøya, konkurranse, konkurrere, konkurranse mellom kontorene, vinnerkontor, pokal, vandrepokal, premie, diplom, kåring, månedens kontor, årets kontor, for mange indikatorer, altfor mange indikatorer, færre indikatorer, antall indikatorer, før i tiden, i gamle dager, den gangen, de første årene, nav-reformen, aetat, trygdeetaten, trygdekontor, sosialkontor, gapestokk]\n    patterns:\n      - [{LEMMA: {IN: [for, altfor, veldig, utrolig, så, enorm, svær, mange]}}, {LEMMA: mange}, {LEMMA: {IN: [indikator, mål, måleparameter, målepunkt, parameter, måltall, styringsparameter]}}]\n      - [{LEMMA: {IN: [før, tidlig]}}, {LEMMA: {IN: [være, ha]}}, {LEMMA: {IN: [den, vi, man, de, fylke]}}]\n      - [{LEMMA: bli}, {LEMMA: kåre}]\n      - [{LEMMA: i}, {LEMMA: {IN: [start, begynnelse, oppstart, startfase, etableringsfase, oppstartsfase]}}]\n      - [{LEMMA: {IN: [da, når, etter]}}, {LEMMA: {IN: [nav, nav-kontor, kontor]}}, {LEMMA: {IN: [bli, være]}}, {LEMMA: {IN: [etablere, etablerer, etablert, opprette, oppretter, ny, starte]}}]\n      - [{LEMMA: {IN: [etablering, oppstart, opprettelse]}}, {LEMMA: av, OP: ''?''}, {LEMMA: {IN: [nav, nav-kontor, kontor]}}]\n      - [{LEMMA: {IN: [endre, forandre]}}, {LEMMA: seg}]\n      - [{LEMMA: slutte}, {LEMMA: med}]\n      - [{LEMMA: ikke}, {LEMMA: lenger}]\n      - [{LEMMA: for}, {LEMMA: {IN: [noen, mange, en, par, to, tre, fire, fem]}}, {LEMMA: {IN: [år, par]}, OP: ''?''}, {LEMMA: {IN: [år]}, OP: ''?''}, {LEMMA: siden}]\n    color: \"#8c564b\"\n\nscales:\n  # cues: words or phrases (any inflection) that say a category in a reply; opposites: where a\n  # negated cue points when the speaker reverses («… ikke, heller tvert imot»). Used by\n  # `qualmrs suggest-answers`; a researcher''s own answers never depend on them.\n  ja_noytral_nei:\n    name: Ja / Nøytral / Nei\n    categories: [Ja, Nøytral, Nei]\n    cues:\n      Ja: [ja, absolutt, selvfølgelig, definitivt, helt klart, i stor grad, i høy grad,\n           stort sett, langt på vei, det gjør det, det gjør vi, det gjør de, det kan de,\n           det blir de, det er de, det vet vi, det vet jeg]\n      Nøytral: [tja, både og, ja og nei, delvis, kommer an på, vet ikke, usikker,\n                til en viss grad, i noen grad, sånn passe, verken eller, halvveis, ikke helt,\n                ikke så nøye]\n      Nei: [nei, ikke egentlig, ikke i det hele tatt, aldri, ingen anelse, ikke peiling,\n            overhodet ikke, slett ikke]\n    opposites: {Ja: Nei, Nei: Ja}\n  utvider_begrenser:\n    name: Utvider / Verken utvider eller begrenser / Begrenser\n    categories: [Utvider, Verken utvider eller begrenser, Begrenser]\n    cues:\n      Utvider: [utvide, mer rom, større rom, mer frihet, større frihet, mer handlingsrom,\n                større handlingsrom, frigjøre, gi frihet, mer ansvar, større ansvar,\n                flere oppgaver, nye oppgaver, åpne opp]\n      Verken utvider eller begrenser: [verken eller, verken utvide eller begrense,\n                ingen forskjell, ingen endring, like mye, verken mer eller mindre, uendret,\n                som før, nøytral, påvirke ikke, endre ikke, ikke noe særlig]\n      Begrenser: [begrense, krympe, snevre inn, innsnevre, innskrenke, mindre rom, mindre frihet,\n                  mindre handlingsrom, binde, låse, ta fra, miste, færre oppgaver,\n                  nedprioritere]\n    opposites: {Utvider: Begrenser, Begrenser: Utvider}\n\nquestions:\n  - key: tallfestes\n    text: Kan resultater tallfestes?\n    scale: ja_noytral_nei\n    cues: [tallfeste, tallfestes, uttrykke i tall, sette tall på, målbar, kvantifisere]\n  - key: egnet\n    text: Egner saksområdet til NAV-kontoret seg for resultatmålinger?\n    scale: ja_noytral_nei\n    cues: [egne seg, egner seg, egnet, passe for, passe til, saksområde, fagfelt, resultatmåling]\n  - key: sammenliknes\n    text: Sammenliknes kontor i forhold til måloppnåelse?\n    scale: ja_noytral_nei\n    cues: [sammenlikne, sammenligne, sammenliknes, sammenlignes, opp mot hverandre,\n           sammenlikning, sammenligning]\n  - key: kjenner_egen\n    text: Vet du og dine ansatte om kontoret har høy eller lav måloppnåelse sammenliknet med andre?\n    scale: ja_noytral_nei\n    cues: [høy eller lav, høyt eller lavt, godt eller dårlig, hvor dere ligger,\n           hvor dere står, dere ligger an, i forhold til de andre, sammenliknet med andre,\n           sammenlignet med andre, bra eller dårlig]\n  - key: kjenner_rangering\n    text: Kjenner du til hvor kontorene i fylket ligger på rangeringen?\n    scale: ja_noytral_nei\n    cues: [rangering, rangeringen, ligger på lista, plassering, de andre kontorene,\n           resten av fylket, hvor de andre, plassere seg, i forhold til hverandre,\n           hvor kontorene ligger]\n  - key: faglig_frihet\n    text: Hva gjør MRS med kontorets faglige frihet\n    scale: utvider_begrenser\n    cues: [faglig frihet, faglige frihet, faglig skjønn, skjønn, handlingsrom]\n  - key: ansvarsomrader\n    text: Hva gjør MRS med kontorets ansvarsområder\n    scale: utvider_begrenser\n    cues: [ansvarsområde, ansvarsområder, oppgaver, ansvar]\n\ntables:\n  - id: \"4-1\"\n    title: Synspunkt på målinger\n    questions: [tallfestes, egnet]\n  - id: \"4-2\"\n    title: Kunnskap om rangering\n    questions: [sammenliknes, kjenner_egen, kjenner_rangering]\n  - id: \"4-3\"\n    title: Hva gjør MRS-prinsippene med kontorets faglige frihet og kontorets ansvarsområder?\n    questions: [faglig_frihet, ansvarsomrader]\n"}');
INSERT INTO "events" VALUES(5,1,'meta','add','["codebook_path"]',NULL,NULL,'{"key": "codebook_path", "value": "codebooks/mrs_nav.yaml"}');
INSERT INTO "events" VALUES(6,1,'codes','add','["tilbakemelding"]',NULL,NULL,'{"color": "#1f77b4", "description": "Hvordan kontoret får, forstår og bruker tilbakemeldinger om egne resultater.", "key": "tilbakemelding", "name": "Tilbakemeldinger om resultater", "parent": null, "position": 0}');
INSERT INTO "events" VALUES(7,1,'codes','add','["tilbakemelding.synspunkt"]',NULL,NULL,'{"color": "", "description": "Informantens syn på å måle og tallfeste resultater i NAV.", "key": "tilbakemelding.synspunkt", "name": "Synspunkt på målinger", "parent": "tilbakemelding", "position": 1}');
INSERT INTO "events" VALUES(8,1,'codes','add','["tilbakemelding.tilgjengelighet"]',NULL,NULL,'{"color": "", "description": "Hvilke resultatdata kontoret har tilgang til, og hvor lett og raskt de kommer.", "key": "tilbakemelding.tilgjengelighet", "name": "Tilgjengelige resultater: målekort, statistikk- og styringspakker", "parent": "tilbakemelding", "position": 2}');
INSERT INTO "events" VALUES(9,1,'codes','add','["tilbakemelding.oppfolging"]',NULL,NULL,'{"color": "", "description": "Hvordan fylkeskontoret følger opp kontorets resultater.", "key": "tilbakemelding.oppfolging", "name": "Oppfølging fra fylket", "parent": "tilbakemelding", "position": 3}');
INSERT INTO "events" VALUES(10,1,'codes','add','["tilbakemelding.rutiner"]',NULL,NULL,'{"color": "", "description": "Kontorets egne rutiner for å arbeide med resultater.", "key": "tilbakemelding.rutiner", "name": "Resultatarbeid i kontoret: møter, e-post, tiltak", "parent": "tilbakemelding", "position": 4}');
INSERT INTO "events" VALUES(11,1,'codes','add','["tilbakemelding.ansatte"]',NULL,NULL,'{"color": "", "description": "Om og hvordan de ansatte kjenner til kontorets resultater og reagerer på dem.", "key": "tilbakemelding.ansatte", "name": "Ansatte og tilstandsinformasjon", "parent": "tilbakemelding", "position": 5}');
INSERT INTO "events" VALUES(12,1,'codes','add','["rangering"]',NULL,NULL,'{"color": "#ff7f0e", "description": "Sammenlikning av kontor på resultater og hva den brukes til.", "key": "rangering", "name": "Sammenlikning og rangering", "parent": null, "position": 6}');
INSERT INTO "events" VALUES(13,1,'codes','add','["rangering.kjennskap"]',NULL,NULL,'{"color": "", "description": "Om informanten vet at kontor rangeres, og hvor eget kontor ligger.", "key": "rangering.kjennskap", "name": "Kjennskap til rangering", "parent": "rangering", "position": 7}');
INSERT INTO "events" VALUES(14,1,'codes','add','["rangering.deling"]',NULL,NULL,'{"color": "", "description": "Læring mellom kontor, deling av erfaringer og gode grep.", "key": "rangering.deling", "name": "Deling og beste praksis", "parent": "rangering", "position": 8}');
INSERT INTO "events" VALUES(15,1,'codes','add','["deltakelse"]',NULL,NULL,'{"color": "#2ca02c", "description": "Lederens rolle når mål og indikatorer blir til og tas i bruk.", "key": "deltakelse", "name": "Deltakelse i målformuleringsprosesser", "parent": null, "position": 9}');
INSERT INTO "events" VALUES(16,1,'codes','add','["deltakelse.utforming"]',NULL,NULL,'{"color": "", "description": "Om og hvordan kontoret er med på å utforme mål og indikatorer.", "key": "deltakelse.utforming", "name": "Deltakelse i utforming av mål", "parent": "deltakelse", "position": 10}');
INSERT INTO "events" VALUES(17,1,'codes','add','["deltakelse.malforstaelse"]',NULL,NULL,'{"color": "", "description": "Hvordan målene forstås og gjøres om til konkrete mål og handlinger lokalt.", "key": "deltakelse.malforstaelse", "name": "Målforståelse og operasjonalisering", "parent": "deltakelse", "position": 11}');
INSERT INTO "events" VALUES(18,1,'codes','add','["frihet"]',NULL,NULL,'{"color": "#d62728", "description": "Hva MRS gjør med kontorets handlingsrom.", "key": "frihet", "name": "Handlingsrom", "parent": null, "position": 12}');
INSERT INTO "events" VALUES(19,1,'codes','add','["frihet.faglig"]',NULL,NULL,'{"color": "", "description": "Kontorets og de ansattes faglige skjønn og frihet under MRS.", "key": "frihet.faglig", "name": "Faglig frihet", "parent": "frihet", "position": 13}');
INSERT INTO "events" VALUES(20,1,'codes','add','["frihet.ansvar"]',NULL,NULL,'{"color": "", "description": "Kontorets ansvarsområder og oppgaver, også i partnerskapet med kommunen.", "key": "frihet.ansvar", "name": "Ansvarsområder", "parent": "frihet", "position": 14}');
INSERT INTO "events" VALUES(21,1,'codes','add','["motivasjon"]',NULL,NULL,'{"color": "#9467bd", "description": "Om mål og resultater motiverer leder og ansatte, eller virker mot sin hensikt.", "key": "motivasjon", "name": "Motivasjon og resultater", "parent": null, "position": 15}');
INSERT INTO "events" VALUES(22,1,'codes','add','["historikk"]',NULL,NULL,'{"color": "#8c564b", "description": "Hvordan resultatstyringen var før, og hva som er endret.", "key": "historikk", "name": "Tidligere praksis: konkurranse, «trøyer», for mange indikatorer", "parent": null, "position": 16}');
INSERT INTO "events" VALUES(23,1,'questions','add','["tallfestes"]',NULL,NULL,'{"key": "tallfestes", "position": 0, "scale": "ja_noytral_nei", "text": "Kan resultater tallfestes?"}');
INSERT INTO "events" VALUES(24,1,'questions','add','["egnet"]',NULL,NULL,'{"key": "egnet", "position": 1, "scale": "ja_noytral_nei", "text": "Egner saksområdet til NAV-kontoret seg for resultatmålinger?"}');
INSERT INTO "events" VALUES(25,1,'questions','add','["sammenliknes"]',NULL,NULL,'{"key": "sammenliknes", "position": 2, "scale": "ja_noytral_nei", "text": "Sammenliknes kontor i forhold til måloppnåelse?"}');
INSERT INTO "events" VALUES(26,1,'questions','add','["kjenner_egen"]',NULL,NULL,'{"key": "kjenner_egen", "position": 3, "scale": "ja_noytral_nei", "text": "Vet du og dine ansatte om kontoret har høy eller lav måloppnåelse sammenliknet med andre?"}');
INSERT INTO "events" VALUES(27,1,'questions','add','["kjenner_rangering"]',NULL,NULL,'{"key": "kjenner_rangering", "position": 4, "scale": "ja_noytral_nei", "text": "Kjenner du til hvor kontorene i fylket ligger på rangeringen?"}');
INSERT INTO "events" VALUES(28,1,'questions','add','["faglig_frihet"]',NULL,NULL,'{"key": "faglig_frihet", "position": 5, "scale": "utvider_begrenser", "text": "Hva gjør MRS med kontorets faglige frihet"}');
INSERT INTO "events" VALUES(29,1,'questions','add','["ansvarsomrader"]',NULL,NULL,'{"key": "ansvarsomrader", "position": 6, "scale": "utvider_begrenser", "text": "Hva gjør MRS med kontorets ansvarsområder"}');
INSERT INTO "events" VALUES(30,2,'cases','add','["B"]',NULL,NULL,'{"label": "B", "position": 0}');
INSERT INTO "events" VALUES(31,2,'documents','add','[1]',NULL,NULL,'{"format": "txt", "id": 1, "name": "study.txt", "sha256": "e5fdf7d88bb5528f363bfbb46c41ea8b9b7b03ef5cdbf1bb7700a1de1e9d1b1e", "text": "A: Velkommen. Kan resultater tallfestes, tenker du?\nB: Ja, det meste kan tallfestes. Kari Hansen sa det også.\n", "turns": [[0, "A", "interviewer", null, 3, 51, null], [1, "B", "informant", "B", 55, 109, null]]}');
INSERT INTO "events" VALUES(32,3,'codings','add','[1]','BHO',NULL,'{"code": "motivasjon", "coder": "BHO", "confidence": null, "created": "2026-11-29T18:52:53+00:00", "document_id": 1, "end": 109, "evidence": "", "id": 1, "memo": "", "origin": "browser", "origin_key": "", "source": "manual", "start": 85}');
INSERT INTO "events" VALUES(33,4,'answers','add','[1]','BHO',NULL,'{"case_label": "B", "category": "Ja", "coder": "BHO", "confidence": null, "created": "2026-11-29T18:52:53+00:00", "document_id": 1, "end": 83, "evidence": "det meste kan tallfestes", "id": 1, "origin": "browser", "origin_key": "", "question": "tallfestes", "source": "manual", "start": 59}');
CREATE TABLE imports (
	origin VARCHAR NOT NULL, 
	sha256 VARCHAR NOT NULL, 
	rows TEXT NOT NULL, 
	PRIMARY KEY (origin)
);
CREATE TABLE meta (
	"key" VARCHAR NOT NULL, 
	value TEXT NOT NULL, 
	PRIMARY KEY ("key")
);
INSERT INTO "meta" VALUES('schema_version','3');
INSERT INTO "meta" VALUES('created','2026-11-29T18:52:51+00:00');
INSERT INTO "meta" VALUES('qualmrs_version','0.1.0');
INSERT INTO "meta" VALUES('codebook','# Coding frame for the worked example: mål- og resultatstyring (MRS) in NAV offices.
# Keys are fixed (tables, codings and scripts refer to them); names and texts are Norwegian.
# phrases/patterns (rule suggestions) were written from each code''s definition, not from the
# sample transcripts: words in any inflection, matched on lemmas; patterns are spaCy Matcher
# token patterns over lemmas (LEMMA, LOWER, IN, OP).
name: MRS i NAV-kontor
language: nb
description: >
  Kodeskjema for en masterstudie av mål- og resultatstyring i NAV-kontor: åtte lederintervjuer,
  fire temaer fra intervjuguiden og sju lukkede spørsmål som gir Tabell 4-1 til 4-3.
# Informants in the sample are labelled B–I, so «I» is not an interviewer label here.
interviewer_labels: [A, Intervjuer]

codes:
  - key: tilbakemelding
    name: Tilbakemeldinger om resultater
    description: Hvordan kontoret får, forstår og bruker tilbakemeldinger om egne resultater.
    color: "#1f77b4"
    children:
      - key: synspunkt
        name: Synspunkt på målinger
        description: Informantens syn på å måle og tallfeste resultater i NAV.
        include: Hva som kan og ikke kan måles, om målingene er riktige, rettferdige eller nyttige.
        exclude: Hvilke rapporter og tall som finnes (tilgjengelighet).
        phrases: [tallfeste, sette tall på, målbar, måling, resultatmåling, tellekant, bak tallene, tallene sier ikke alt, sier ikke alt, riktig bilde, det riktige bildet, misvisende, kvantifisere, kvantitativ, kvalitativ, rettferdig, urettferdig, målefokus, tallfokus, målehysteri, måleregime, new public management, som måles blir gjort, som kan telles, registreringspraksis, feilregistrering, saksområde]
        patterns:
          - [{LEMMA: kunne}, {LEMMA: {IN: [ikke, man, vi, en, alt, den]}, OP: ''?''}, {LEMMA: {IN: [måle, måler, tallfeste, telle, kvantifisere]}}]
          - [{LEMMA: {IN: [vanskelig, umulig, lett, enkel, enkelt, mulig, problematisk]}}, {LEMMA: å}, {LEMMA: {IN: [måle, tallfeste, telle, kvantifisere]}}]
          - [{LEMMA: {IN: [måle, måler, telle, tallfeste]}}, {LEMMA: {IN: [ikke, den]}, OP: ''?''}, {LEMMA: {IN: [kvalitet, innsats, arbeid, jobb, alt]}}]
          - [{LEMMA: {IN: [indikator, måling, målekort, tall, statistikk, måltall]}}, {LEMMA: {IN: [måle, måler, fange, fortelle, vise, gjenspeile, speile, si]}}, {LEMMA: {IN: [ikke, aldri, bare, ikkje]}}]
          - [{LEMMA: {IN: [riktig, rett, skjev, feil, gal, fullstendig, dekkende, sann, reell, misvisende, fordreie]}}, {LEMMA: bilde}]
          - [{LOWER: {IN: [egner, egnet, egne, egna]}}, {LEMMA: {IN: [seg, ikke]}, OP: ''?''}, {LEMMA: {IN: [ikke, seg]}, OP: ''?''}, {LEMMA: {IN: [for, til]}}, {LEMMA: {IN: [måling, måle, resultatmåling, tallfeste, telling]}}]
          - [{LEMMA: {IN: [måle, måler]}}, {LEMMA: {IN: [den, de]}, OP: ''?''}, {LEMMA: {IN: [riktig, rett, feil, gal, viktig]}}, {LEMMA: {IN: [ting, sak]}}]
      - key: tilgjengelighet
        name: "Tilgjengelige resultater: målekort, statistikk- og styringspakker"
        description: Hvilke resultatdata kontoret har tilgang til, og hvor lett og raskt de kommer.
        include: Målekort, statistikk, styringspakker, lederpakker, månedlige tall, rapporter.
        exclude: Hva kontoret gjør med tallene (rutiner) eller hva fylket gjør (oppfølging).
        phrases: [målekort, styringspakke, styringspakker, lederpakke, lederpakker, statistikkpakker, resultatpakker, statistikkpakke, resultatpakke, statistikk, månedsstatistikk, månedlige tall, månedstall, månedsrapport, resultatrapport, resultatrapporter, tertialrapport, kvartalsrapport, rapport, styringsinformasjon, ledelsesinformasjon, nøkkeltall, tallgrunnlag, tallmateriale, datavarehus, intranett, ferske tall, oppdaterte tall, etterslep, resultatoversikt]
        patterns:
          - [{LOWER: {IN: [rapporter, lederrapporter, statistikkrapporter]}}]
          - [{LEMMA: tilgang}, {LEMMA: {IN: [til, på]}}, {LEMMA: {IN: [den, de, vår, ny]}, OP: ''?''}, {LEMMA: {IN: [tall, statistikk, målekort, rapport, rapportere, resultat, data, styringsinformasjon]}}]
          - [{LEMMA: {IN: [hente, ta, trekke, kjøre]}}, {LEMMA: ut}, {LEMMA: {IN: [den, de, egen, noen]}, OP: ''?''}, {LEMMA: {IN: [tall, statistikk, rapport, liste, data, oversikt, målekort]}}]
          - [{LEMMA: {IN: [tall, statistikk, målekort, rapport, styringspakke, lederpakke, data]}}, {LEMMA: {IN: [komme, foreligge, publisere, oppdatere]}}, {LEMMA: {IN: [sen, sein, etter, ut, rask, fort, hver, først, månedlig, ukentlig, tidlig, løpende, forsinke]}}]
          - [{LEMMA: {IN: [tall, statistikk, målekort, rapport, styringspakke, lederpakke, data]}}, {LEMMA: henge}, {LEMMA: etter}]
          - [{LEMMA: {IN: [tall, statistikk, målekort, rapport, styringspakke, lederpakke, data]}}, {LEMMA: ligge}, {LEMMA: {IN: [ute, tilgjengelig]}}]
          - [{LEMMA: {IN: [tall, statistikk, målekort, rapport, styringspakke, lederpakke, data]}}, {LEMMA: ligge}, {LEMMA: {IN: [på, i]}}, {LEMMA: {IN: [nett, intranett, nav, portal, datavarehus]}}]
          - [{LEMMA: oversikt}, {LEMMA: over}, {LEMMA: {IN: [den, de, vår]}, OP: ''?''}, {LEMMA: {IN: [tall, resultat, måloppnåelse, indikator, statistikk]}}]
          - [{LEMMA: {IN: [gammel, utdatert, forsinke, foreløpig]}}, {LEMMA: {IN: [tall, statistikk, data]}}]
      - key: oppfolging
        name: Oppfølging fra fylket
        description: Hvordan fylkeskontoret følger opp kontorets resultater.
        include: Oppfølgingsmøter, telefoner, dialog, press og støtte fra fylket eller direktoratet.
        exclude: Kontorets egne interne møter (rutiner).
        phrases: [oppfølgingsmøte, resultatdialog, styringsdialog, styringsmøte, resultatsamtale, oppfølgingssamtale, tertialmøte, lederavtale, resultatavtale, avviksforklaring, redegjøre, på teppet, fylkets oppfølging, oppfølging fra fylket, fylket følger opp, press fra fylket, støtte fra fylket, fylkesrådgiver]
        patterns:
          - [{LEMMA: {IN: [oppfølging, press, støtte, telefon, telefonsamtale, henvendelse, spørsmål, besøk, purring, tilbakemelding, beskjed, krav, forventning, signal, e-post, mail, kontakt, dialog, møte]}}, {LEMMA: {IN: [fra, med, av]}}, {LEMMA: {IN: [den, de]}, OP: ''?''}, {LEMMA: {IN: [fylke, fylkeskontor, fylkesdirektør, fylkesleder, fylkesledelse, direktorat, fylkesnivå]}}]
          - [{LEMMA: {IN: [fylke, fylkeskontor, fylkesdirektør, fylkesleder, fylkesledelse, direktorat, fylkesnivå]}}, {OP: ''?''}, {OP: ''?''}, {LEMMA: {IN: [ringe, etterspørre, purre, kontakte, innkalle, besøke, besøker, presse, press, mase, maser, reagere, kreve, etterlyse]}}]
          - [{LEMMA: {IN: [fylke, fylkeskontor, fylkesdirektør, fylkesleder, fylkesledelse, direktorat, fylkesnivå]}}, {OP: ''?''}, {LEMMA: følge}, {LEMMA: {IN: [vi, kontor, den, de, tett, god, nøye]}, OP: ''?''}, {LEMMA: opp}]
          - [{LEMMA: følge}, {LEMMA: {IN: [tett, nøye, god, hard, mye]}, OP: ''?''}, {LEMMA: opp}, {LEMMA: {IN: [av, fra]}}, {LEMMA: {IN: [den, de]}, OP: ''?''}, {LEMMA: {IN: [fylke, fylkeskontor, fylkesdirektør, fylkesleder, fylkesledelse, direktorat, fylkesnivå]}}]
          - [{LEMMA: {IN: [rådgiver, kontaktperson, controlle, controllere, controlleren, økonomirådgiver, analytiker, seniorrådgiver]}}, {LEMMA: {IN: [i, på, fra, hos]}}, {LEMMA: {IN: [fylke, fylkeskontor, fylkesledelse, direktorat]}}]
          - [{LEMMA: {IN: [fylkets, fylkeskontorets, fylkesdirektørens, direktorat]}}, {LEMMA: {IN: [oppfølging, rådgiver, kontaktperson, controlle, controllere, controlleren, krav, forventning, møte, dialog, press, spørsmål, fokus]}}]
          - [{LEMMA: {IN: [forklare, begrunne, rapportere, svare]}}, {LEMMA: {IN: [for, på]}, OP: ''?''}, {LEMMA: {IN: [den, de]}, OP: ''?''}, {LEMMA: {IN: [avvik, avvike, nedgang]}}]
      - key: rutiner
        name: "Resultatarbeid i kontoret: møter, e-post, tiltak"
        description: Kontorets egne rutiner for å arbeide med resultater.
        include: Resultatmøter, e-post om tall, tavler, tiltak når tallene går ned, lokale planer.
        exclude: At de ansatte får se tallene (ansatte); fylkets oppfølging.
        phrases: [resultatmøte, tavlemøte, personalmøte, allmøte, ukemøte, morgenmøte, avdelingsmøte, teammøte, ledergruppemøte, tavle, resultattavle, tiltaksplan, handlingsplan, virksomhetsplan, lokal plan, kampanje, dugnad, resultatansvarlig, indikatoransvarlig, målansvarlig, sette inn tiltak, iverksette tiltak, sette i gang tiltak, gå gjennom tallene, går gjennom tallene, gjennomgang av tallene]
        patterns:
          - [{LEMMA: {IN: [sette, iverksette, gjøre, starte, igangsette, igangsetter]}}, {LEMMA: {IN: [inn, i, igang, opp]}, OP: ''?''}, {LEMMA: {IN: [gang, verk]}, OP: ''?''}, {LEMMA: {IN: [noen, ny, konkret, ekstra, egen, mange, målrettet]}, OP: ''?''}, {LEMMA: tiltak}]
          - [{LEMMA: tiltak}, {LEMMA: {IN: [for, når, hvis, dersom, om]}}, {OP: ''?''}, {OP: ''?''}, {LEMMA: {IN: [tall, resultat, måloppnåelse, indikator, måltall]}}]
          - [{LEMMA: {IN: [gå, går, gjennomgå]}}, {LEMMA: gjennom, OP: ''?''}, {LEMMA: {IN: [den, de, vår, ny, sist]}, OP: ''?''}, {LEMMA: {IN: [tall, resultat, målekort, statistikk, måltall, måloppnåelse, indikator]}}]
          - [{LEMMA: {IN: [ta, se, diskutere, drøfte, analysere, presentere, vise]}}, {LEMMA: {IN: [opp, på]}, OP: ''?''}, {LEMMA: {IN: [den, de, vår, ny, sist]}, OP: ''?''}, {LEMMA: {IN: [tall, resultat, målekort, statistikk, måltall, måloppnåelse, indikator]}}, {LEMMA: {IN: [på, i]}}, {LEMMA: {IN: [den, de, hver, vår]}, OP: ''?''}, {LEMMA: {IN: [møte, resultatmøte, personalmøte, allmøte, teammøte, ledergruppe, ledergruppemøte, ukemøte, avdelingsmøte, morgenmøte, tavlemøte]}}]
          - [{LEMMA: {IN: [sende]}}, {LEMMA: ut, OP: ''?''}, {LEMMA: {IN: [en, den, noen]}, OP: ''?''}, {LEMMA: {IN: [e-post, mail, epost, oversikt, tall, målekort, statistikk]}}]
          - [{LEMMA: {IN: [e-post, mail, epost]}}, {LEMMA: {IN: [om, med]}}, {LEMMA: {IN: [den, de]}, OP: ''?''}, {LEMMA: {IN: [tall, resultat, målekort, statistikk, måloppnåelse, status]}}]
          - [{LEMMA: {IN: [tall, resultat, måloppnåelse]}}, {LEMMA: {IN: [gå, går, synke, falle]}}, {LEMMA: ned}, {OP: ''?''}, {LEMMA: {IN: [da, så]}}]
          - [{LEMMA: {IN: [maile, mail, e-post, epost]}}, {LEMMA: {IN: [ut, om]}, OP: ''?''}, {LEMMA: {IN: [den, de]}, OP: ''?''}, {LEMMA: {IN: [tall, resultat, målekort, statistikk]}}]
          - [{LEMMA: whiteboard}]
      - key: ansatte
        name: Ansatte og tilstandsinformasjon
        description: Om og hvordan de ansatte kjenner til kontorets resultater og reagerer på dem.
        include: Deling av målekort med ansatte, ansattes reaksjoner, tilstandsinformasjon.
        exclude: Lederens egen kunnskap om resultatene.
        phrases: [tilstandsinformasjon, oppslagstavle, på veggen, henge opp målekortet, de ansatte får se, ansattes reaksjon, åpenhet om tallene, åpen om resultatene, eierskap til resultatene, eierskap til tallene, eierskap til målene, dele målekortet med de ansatte, deler målekortet med de ansatte, informere de ansatte, de ansatte vet]
        patterns:
          - [{LEMMA: {IN: [vise, dele, delere, presentere, legge, sende, formidle, gjennomgå]}}, {OP: ''?''}, {OP: ''?''}, {LEMMA: {IN: [for, med, til, ut]}}, {LEMMA: {IN: [den, de, alle, min, hel]}, OP: ''?''}, {LEMMA: {IN: [ansatt, medarbeider, veileder, veilede, saksbehandler, personale, personal, personalgruppe, kollega]}}]
          - [{LEMMA: {IN: [informere, orientere, orienterer, oppdatere]}}, {LEMMA: {IN: [den, de, alle, hel]}, OP: ''?''}, {LEMMA: {IN: [ansatt, medarbeider, veileder, veilede, saksbehandler, personale, personal, personalgruppe]}}]
          - [{LEMMA: {IN: [ansatt, medarbeider, veileder, veilede, saksbehandler, personale, personal, personalgruppe]}}, {LEMMA: {IN: [være, ikke, også, alltid, god, nok, jo]}, OP: ''?''}, {LEMMA: {IN: [ikke, også, god, veldig, jo]}, OP: ''?''}, {LEMMA: {IN: [vite, kjenne, kjent, reagere, bry, interessere, opptatt]}}]
          - [{LEMMA: {IN: [ansatt, medarbeider, veileder, veilede]}}, {LEMMA: {IN: [reaksjon, forhold, kjennskap, kunnskap, forståelse, eierskap, engasjement]}}]
          - [{LEMMA: henge}, {LEMMA: opp, OP: ''?''}, {LEMMA: {IN: [den, de]}, OP: ''?''}, {LEMMA: {IN: [målekort, tall, resultat, statistikk, oversikt, graf, kurve]}}]
          - [{LEMMA: hver}, {LEMMA: enkelt}, {LEMMA: {IN: [ansatt, medarbeider, veileder, veilede, saksbehandler, team]}}]
          - [{LEMMA: {IN: [individuell, egen, personlig]}}, {LEMMA: {IN: [tall, statistikk, resultat, måltall, målekort]}}, {LEMMA: {IN: [for, på, til]}, OP: ''?''}, {LEMMA: {IN: [hver, ansatt, veileder, veilede, medarbeider, saksbehandler]}}]
  - key: rangering
    name: Sammenlikning og rangering
    description: Sammenlikning av kontor på resultater og hva den brukes til.
    color: "#ff7f0e"
    children:
      - key: kjennskap
        name: Kjennskap til rangering
        description: Om informanten vet at kontor rangeres, og hvor eget kontor ligger.
        include: Rangeringslister, plassering, fargekoder, tabeller som sammenlikner kontor.
        exclude: Læring fra andre kontor (deling).
        phrases: [rangering, rangeringsliste, rangere, rangert, ranking, plassering, tabell, ligatabell, fargekode, trafikklys, opp mot hverandre, sammenlikning av kontorene, sammenligning av kontorene, sammenlignbare kontorer, sammenliknbare kontorer, landssnitt, fylkessnitt, landsgjennomsnitt, fylkesgjennomsnitt, over snittet, under snittet, sisteplass, førsteplass, jumbo, jumboplass, midt på treet, benchmarking, best i fylket, dårligst i fylket]
        patterns:
          - [{LEMMA: {IN: [sammenlikne, sammenligne]}}, {LEMMA: {IN: [vi, seg, de, den]}, OP: ''?''}, {LEMMA: {IN: [med, mot, opp]}, OP: ''?''}, {LEMMA: {IN: [mot]}, OP: ''?''}, {LEMMA: {IN: [den, de, alle]}, OP: ''?''}, {LEMMA: {IN: [annen, nabokontor, nav-kontor, kontor, hverandre, land, landssnitt, fylkessnitt]}}]
          - [{LEMMA: {IN: [sammenlikning, sammenligning]}}, {LEMMA: {IN: [av, med, mellom]}}, {LEMMA: {IN: [den, de, alle]}, OP: ''?''}, {LEMMA: {IN: [annen, kontor, nav-kontor, hverandre, nabokontor]}}]
          - [{LEMMA: i}, {LEMMA: forhold}, {LEMMA: til}, {LEMMA: {IN: [den, de]}, OP: ''?''}, {LEMMA: {IN: [annen, alle]}}, {LEMMA: {IN: [kontor, nav-kontor, nabokontor, kommune, fylke]}}]
          - [{LEMMA: {IN: [øvre, nedre, høy, lav, lang, topp, bunn, bunne, midt, først, sist]}}, {LEMMA: {IN: [nede, oppe, opp, ned]}, OP: ''?''}, {LEMMA: {IN: [på, i]}}, {LEMMA: {IN: [den, de]}, OP: ''?''}, {LEMMA: {IN: [liste, tabell, rangering, rangeringsliste, resultatliste]}}]
          - [{LEMMA: {IN: [øvre, nedre]}}, {LEMMA: {IN: [på, i]}}, {LEMMA: {IN: [fylke, land]}}]
          - [{LEMMA: {IN: [topp, bunn, bunne]}}, {LEMMA: av}, {LEMMA: {IN: [den, de]}, OP: ''?''}, {LEMMA: {IN: [liste, tabell, rangering, rangeringsliste, resultatliste]}}]
          - [{LEMMA: {IN: [ligge, havne, komme, være]}}, {LEMMA: {IN: [hel, lang, god, høy, lav]}, OP: ''?''}, {LEMMA: {IN: [i, på]}}, {LEMMA: {IN: [topp, bunnsjikt, toppsjikt, jumboplass]}}]
          - [{LEMMA: {IN: [første, annen, tredje, fjerde, femte, sjette, sjuende, syvende, åttende, niende, tiende, tie, sist, nest, ''1.'', ''2.'', ''3.'', ''4.'', ''5.'', ''6.'', ''7.'', ''8.'', ''9.'', ''10.'', ''11.'', ''12.'']}}, {LEMMA: {IN: [sist]}, OP: ''?''}, {LEMMA: plass}]
          - [{LEMMA: nummer}, {LOWER: {IN: [en, én, ett, to, tre, fire, fem, seks, sju, syv, åtte, ni, ti, elleve, tolv, ''1'', ''2'', ''3'', ''4'', ''5'', ''6'', ''7'', ''8'', ''9'', ''10'', ''11'', ''12'']}}, {LEMMA: {IN: [i, av, på]}}]
          - [{LEMMA: topp}, {LOWER: {IN: [tre, fem, ti, ''3'', ''5'', ''10'']}}]
          - [{LEMMA: {IN: [i, på]}}, {LEMMA: {IN: [rødt, grønt, gult, rød, grønn]}}]
          - [{LEMMA: {IN: [rødt, grønt, gult, rød, grønn, gul]}}, {LEMMA: {IN: [og, eller]}}, {LEMMA: {IN: [rødt, grønt, gult, rød, grønn, gul]}}]
          - [{LEMMA: {IN: [god, dårlig, svak, sterk]}}, {LEMMA: {IN: [i]}}, {LEMMA: {IN: [fylke, land, region]}}]
          - [{LEMMA: blant}, {LEMMA: {IN: [den, de]}}, {LEMMA: {IN: [god, dårlig, svak, sterk, sist, første]}}]
      - key: deling
        name: Deling og beste praksis
        description: Læring mellom kontor, deling av erfaringer og gode grep.
        include: Nettverk, lederforum, besøk hos andre kontor, beste praksis.
        exclude: Selve rangeringen (kjennskap).
        phrases: [beste praksis, gode grep, lære av hverandre, lære av de andre, lærer av de andre, nettverk, ledernettverk, nettverkssamling, lederforum, ledersamling, erfaringsdeling, erfaringsutveksling, dele erfaringer, deler erfaringer, utveksle erfaringer, hospitere, hospitering, studietur, studiebesøk, nabokontor, suksesshistorie, suksessfaktor, stjele ideer]
        patterns:
          - [{LEMMA: {IN: [lære, lærer, hente, låne, lån, stjele, plukke, få]}}, {LEMMA: {IN: [noe, mye, ide, idé, tips, inspirasjon, erfaring]}, OP: ''?''}, {LEMMA: {IN: [av, fra, hos]}}, {LEMMA: {IN: [den, de]}, OP: ''?''}, {LEMMA: {IN: [annen, hverandre, kontor, nav-kontor, nabokontor, kollega, nabokommune]}}]
          - [{LEMMA: {IN: [dele, delere, utveksle, spre]}}, {LEMMA: {IN: [god, sin, vår, noen, den]}, OP: ''?''}, {LEMMA: {IN: [erfaring, idé, ide, praksis, grep, gripe, opplegg, metode, kunnskap, tips, løsning, suksesshistorie]}}]
          - [{LEMMA: {IN: [dele, delere]}}, {LEMMA: {IN: [med, på]}}, {LEMMA: {IN: [den, de, hverandre]}, OP: ''?''}, {LEMMA: {IN: [annen, hverandre, kontor, nav-kontor, nabokontor]}}]
          - [{LEMMA: {IN: [besøke, besøker, besøk, reise, dra, ringe, kontakte, spørre, hospitere, samarbeide, samarbeid]}}, {LEMMA: {IN: [til, hos, på, med]}, OP: ''?''}, {LEMMA: {IN: [den, en, noen]}, OP: ''?''}, {LEMMA: {IN: [annen, nabo]}}, {LEMMA: {IN: [kontor, nav-kontor, leder, nav-leder]}}]
          - [{LEMMA: {IN: [hva, hvordan]}}, {LEMMA: gjøre}, {LEMMA: {IN: [den, de]}}, {LEMMA: {IN: [annen, kontor, nav-kontor]}}]
          - [{LEMMA: {IN: [kontor, nav-kontor, leder, nav-leder]}}, {LEMMA: som}, {LEMMA: {IN: [lykkes, lykke]}}]
  - key: deltakelse
    name: Deltakelse i målformuleringsprosesser
    description: Lederens rolle når mål og indikatorer blir til og tas i bruk.
    color: "#2ca02c"
    children:
      - key: utforming
        name: Deltakelse i utforming av mål
        description: Om og hvordan kontoret er med på å utforme mål og indikatorer.
        include: Innspill til fylket eller direktoratet, lokale mål, dialog om måltall.
        exclude: Hvordan målene tolkes etter at de er satt (målforståelse).
        phrases: [innspill, høringsinnspill, høringsrunde, medvirkning, medvirke, medbestemmelse, bli involvert, påvirkningsmulighet, påvirkningskraft, ovenfra, toppstyrt, top-down, styrt ovenfra, sentralt bestemt, bestemt sentralt, lokale mål, egne mål, målformulering, målformuleringsprosess, utforme mål, formulere mål, tildelingsbrev, disponeringsbrev, være med på å sette målene, være med på å bestemme, forhandle om måltall, forhandler om måltall]
        patterns:
          - [{LEMMA: {IN: [være, få, bli]}}, {LEMMA: {IN: [med, delaktig, involvere]}}, {LEMMA: {IN: [på, og, i]}}, {LEMMA: å, OP: ''?''}, {LEMMA: {IN: [sette, utforme, påvirke, bestemme, lage, utarbeide, forme, definere, formulere, velge, fastsette, diskutere, prosess]}}]
          - [{LEMMA: {IN: [sette, utforme, fastsette, formulere, utarbeide, definere, lage, velge, bestemme, forhandle, forhandler, justere, endre, påvirke]}}, {LEMMA: {IN: [opp, om]}, OP: ''?''}, {LEMMA: {IN: [egen, lokal, vår, sin, noen, den, de, ny]}, OP: ''?''}, {LEMMA: {IN: [måltall, indikator, målsetting, ambisjonsnivå, resultatmål, målekort, mål]}}]
          - [{LEMMA: {IN: [mål, måltall, indikator, målsetting, ambisjonsnivå, resultatmål]}}, {LEMMA: {IN: [bli, være]}}, {LEMMA: {IN: [sette, bestemme, fastsette, gi, vedta, pålegge, utforme, styre, definere, diktere]}}]
          - [{LEMMA: {IN: [innspill, dialog, diskusjon, forhandling, drøfting, samtale]}}, {LEMMA: {IN: [om, til, på, rundt]}}, {LEMMA: {IN: [den, de, vår, ny]}, OP: ''?''}, {LEMMA: {IN: [måltall, mål, indikator, målekort, ambisjonsnivå, fylke, direktorat, målsetting, resultatmål]}}]
          - [{LEMMA: {IN: [påvirke, påvirkning, medvirke, medvirkning]}}, {LEMMA: {IN: [på, i, til]}, OP: ''?''}, {LEMMA: {IN: [den, de, hva, hvilken]}, OP: ''?''}, {LEMMA: {IN: [mål, måltall, indikator, målekort, målsetting, ambisjonsnivå]}}]
          - [{LEMMA: {IN: [lederforum, ledersamling, ledermøte, fylkesledermøte]}}, {OP: ''?''}, {OP: ''?''}, {OP: ''?''}, {LEMMA: {IN: [måltall, mål, indikator, målsetting, ambisjonsnivå]}}]
          - [{LEMMA: {IN: [komme, styre, bestemme, diktere, pålegge, fastsette, gi]}}, {LEMMA: {IN: [ovenfra, sentral]}}]
          - [{LEMMA: tre}, {LEMMA: ned}, {LEMMA: over}, {LEMMA: hode}]
      - key: malforstaelse
        name: Målforståelse og operasjonalisering
        description: Hvordan målene forstås og gjøres om til konkrete mål og handlinger lokalt.
        include: Tolkning av indikatorer, lokale delmål, hva målene egentlig betyr.
        exclude: Deltakelse i å sette målene (utforming).
        phrases: [målforståelse, tolke målene, operasjonalisere, operasjonalisering, konkretisere, konkretisering, bryte ned, bryter ned, delmål, satsingsområde, satsningsområde, fokusområde, overordnede mål, hovedmål, samfunnsoppdrag, flere i arbeid, målhierarki, målkjede, gjøre om til handling, omsette i praksis, hva betyr målet]
        patterns:
          - [{LEMMA: {IN: [tolke, fortolke, fortolker, forstå, skjønne, skjønn, oppfatte, forklare, tyde]}}, {LEMMA: {IN: [den, de, hva, vår]}, OP: ''?''}, {LEMMA: {IN: [mål, måltall, indikator, målsetting, resultatmål, delmål, målekort, måleparameter]}}]
          - [{LEMMA: {IN: [forståelse, tolkning, fortolkning, oppfatning]}}, {LEMMA: {IN: [av, for]}}, {LEMMA: {IN: [den, de, hva]}, OP: ''?''}, {LEMMA: {IN: [mål, måltall, indikator, målsetting, resultatmål, målekort]}}]
          - [{LEMMA: hva}, {LEMMA: {IN: [mål, måltall, indikator, målsetting, målekort]}}, {LEMMA: {IN: [egentlig, faktisk, jo]}, OP: ''?''}, {LEMMA: {IN: [bety, innebære, måle, måler, gå, går, handle]}}]
          - [{LEMMA: hva}, {LEMMA: {IN: [bety, innebære]}}, {LEMMA: {IN: [egentlig, faktisk, jo]}, OP: ''?''}, {LEMMA: {IN: [den, de]}, OP: ''?''}, {LEMMA: {IN: [mål, måltall, indikator, målsetting, målekort]}}]
          - [{LEMMA: {IN: [gjøre, omsette, oversette, oversetter, bryte, bryter, overføre, konkretisere, operasjonalisere]}}, {LEMMA: {IN: [den, de]}, OP: ''?''}, {LEMMA: {IN: [mål, måltall, indikator, målsetting]}}, {LEMMA: {IN: [om, ned, ut]}, OP: ''?''}, {LEMMA: {IN: [til, i, på]}}, {LEMMA: {IN: [handling, konkret, praksis, tiltak, hverdag, aktivitet, team, teamnivå, veileder, veilede, delmål, lokal]}}]
          - [{LEMMA: {IN: [omsette, oversette, oversetter]}}, {OP: ''?''}, {LEMMA: {IN: [til, i]}}, {LEMMA: {IN: [handling, praksis, tiltak, konkret, hverdag]}}]
          - [{LEMMA: {IN: [bryte, bryter]}}, {LEMMA: {IN: [den, de]}, OP: ''?''}, {LEMMA: {IN: [mål, måltall, indikator, målsetting]}}, {LEMMA: ned}]
          - [{LEMMA: {IN: [indikator, mål, måltall, målekort]}}, {LEMMA: {IN: [bli, være]}, OP: ''?''}, {LEMMA: {IN: [beregne, beregner, regne, definere, telle, sammensette]}}]
          - [{LEMMA: tilpasse}, {LEMMA: {IN: [den, de]}, OP: ''?''}, {LEMMA: {IN: [mål, måltall, indikator, målsetting]}}]
          - [{LEMMA: {IN: [forankre, forankring]}}, {OP: ''?''}, {LEMMA: {IN: [den, de]}, OP: ''?''}, {LEMMA: {IN: [mål, måltall, målsetting]}}]
  - key: frihet
    name: Handlingsrom
    description: Hva MRS gjør med kontorets handlingsrom.
    color: "#d62728"
    children:
      - key: faglig
        name: Faglig frihet
        description: Kontorets og de ansattes faglige skjønn og frihet under MRS.
        include: Skjønn, metodevalg, prioriteringer i brukeroppfølgingen.
        exclude: Hvilke oppgaver kontoret har (ansvarsområder).
        phrases: [faglig skjønn, skjønnsvurdering, skjønnsmessig, faglig vurdering, faglig frihet, handlingsrom, faglig handlingsrom, frihet, metodefrihet, metodevalg, metodikk, arbeidsmetode, metode, autonomi, detaljstyring, detaljstyrt, spillerom, frie tøyler, stå fritt, tvangstrøye, faglighet, faglig forsvarlig, brukerens behov, individuelle behov, individuell vurdering, bestemme selv]
        patterns:
          - [{LOWER: {IN: [skjønn, skjønnet, skjønnets, skjønnsutøvelse, skjønnsutøvelsen]}}]
          - [{LEMMA: faglig}, {LEMMA: {IN: [frihet, vurdering, skjønn, handlingsrom, forsvarlig, hensyn, autonomi, integritet, selvstendighet, begrunnelse, ståsted, prioritering, avveining, vurderingsevne]}}]
          - [{LEMMA: {IN: [begrense, begrenset, innskrenke, utvide, snevre, øke, redusere, gi, ta]}}, {LEMMA: {IN: [inn]}, OP: ''?''}, {LEMMA: {IN: [den, de, vår, sin]}, OP: ''?''}, {LEMMA: {IN: [faglig]}, OP: ''?''}, {LEMMA: {IN: [frihet, handlingsrom, skjønn, spillerom, autonomi, metodefrihet]}}]
          - [{LEMMA: {IN: [prioritere, prioritering]}}, {LEMMA: {IN: [mellom, av, blant]}, OP: ''?''}, {LEMMA: {IN: [den, de, ulik]}, OP: ''?''}, {LEMMA: {IN: [bruker, bruke, brukergruppe, sak, ungdom, oppfølging, brukeroppfølging, målgruppe, innsatsgruppe]}}]
          - [{LEMMA: prioritere}, {LEMMA: den}, {LEMMA: som}, {LEMMA: {IN: [måle, telle, gi, vise]}}]
          - [{LEMMA: {IN: [velge, bestemme, avgjøre, avgjører, finne]}}, {LEMMA: {IN: [selv, sin, egen, vår, den]}, OP: ''?''}, {LEMMA: {IN: [metode, arbeidsmåte, arbeidsmetode, arbeidsform, virkemiddel, fremgangsmåte]}}]
          - [{LEMMA: hva}, {LEMMA: {IN: [den, bruker, bruke]}}, {LEMMA: {IN: [enkelt, bruker, bruke]}, OP: ''?''}, {LEMMA: {IN: [trenge, ønske]}}]
          - [{LEMMA: {IN: [bruker, bruke]}}, {LEMMA: {IN: [situasjon, interesse]}}]
          - [{LEMMA: {IN: [jobbe, arbeide, arbeider]}}, {LEMMA: {IN: [for, mot]}}, {LEMMA: {IN: [den, de]}, OP: ''?''}, {LEMMA: {IN: [indikator, måltall, statistikk, målekort]}}]
      - key: ansvar
        name: Ansvarsområder
        description: Kontorets ansvarsområder og oppgaver, også i partnerskapet med kommunen.
        include: Nye eller bortfalte oppgaver, kommunale tjenester, avgrensning av ansvar.
        exclude: Faglig skjønn innenfor oppgavene (faglig frihet).
        phrases: [ansvarsområde, ansvarsfordeling, ansvarsdeling, arbeidsdeling, oppgavefordeling, oppgaveportefølje, nye oppgaver, kommunale oppgaver, statlige oppgaver, forvaltningsoppgave, partnerskap, partnerskapsavtale, samarbeidsavtale, kommunale tjenester, tjenestetilbud, minimumsløsning, sosialhjelp, sosialtjeneste, kvalifiseringsprogram, gjeldsrådgivning, økonomisk rådgivning, flyktningtjeneste, introduksjonsprogram, bostøtte, rådmann, kommunalsjef, forvaltningsenhet, nav forvaltning, sentralisering, grenseoppgang]
        patterns:
          - [{LEMMA: {IN: [ny, mange, få, ekstra, miste, overta, overføre, fjerne, flytte, tilføre, utvide, kommunal, statlig, lovpålagt, valgfri]}}, {LEMMA: {IN: [den, de, noen]}, OP: ''?''}, {LEMMA: {IN: [oppgave, ansvarsområde, tjeneste, arbeidsoppgave]}}]
          - [{LEMMA: {IN: [oppgave, arbeidsoppgave, ansvar, tjeneste, forvaltning, saksbehandling]}}, {LEMMA: {IN: [bli, være]}, OP: ''?''}, {LEMMA: {IN: [flytte, overføre, sentralisere, ta, fjerne, tilføre, legge]}}, {LEMMA: {IN: [ut, fra, bort, over, til, vekk, inn]}}]
          - [{LEMMA: {IN: [vi, kontor, nav-kontor, nav, kommune, stat]}}, {LEMMA: {IN: [ha, få, ta, miste, overta, dele]}}, {LEMMA: {IN: [få, også, nå, jo, hel, fortsatt, ikke]}, OP: ''?''}, {LEMMA: {IN: [den, en]}, OP: ''?''}, {LEMMA: {IN: [hovedansvar, ansvar]}}, {LEMMA: for}]
          - [{LEMMA: {IN: [kommunal, statlig]}}, {LEMMA: {IN: [del, side, linje, ansatt, ansvar, område, virksomhet, oppgave, tjeneste]}}]
          - [{LEMMA: {IN: [stat, statlig]}}, {LEMMA: og}, {LEMMA: {IN: [kommune, kommunal]}}]
          - [{LEMMA: {IN: [avgrense, avgrensning, avklare, avklaring, fordele, fordeling]}}, {LEMMA: {IN: [av]}, OP: ''?''}, {LEMMA: {IN: [den, de]}, OP: ''?''}, {LEMMA: {IN: [ansvar, oppgave, ansvarsområde, rolle]}}]
          - [{LEMMA: {IN: [samarbeid, samarbeide, partnerskap, avtale]}}, {LEMMA: med}, {LEMMA: {IN: [kommune, rådmann, kommunal]}}]
  - key: motivasjon
    name: Motivasjon og resultater
    description: Om mål og resultater motiverer leder og ansatte, eller virker mot sin hensikt.
    include: Glede over gode tall, press, stress, konkurranseinstinkt, likegyldighet.
    exclude: Syn på målingenes kvalitet (synspunkt).
    phrases: [motivere, motivasjon, demotivere, inspirere, engasjement, engasjere, stolt, stolthet, mestringsfølelse, gøy, kake, ros, skryt, belønning, press, prestasjonspress, resultatpress, stress, stresset, konkurranseinstinkt, likegyldig, likegyldighet, frustrasjon, frustrert, skuffet, mot sin hensikt, kontraproduktiv, juks, jukse, jukser]
    patterns:
      - [{LEMMA: bry}, {LEMMA: seg}, {LEMMA: {IN: [ikke, noe, lite, mye, veldig]}, OP: ''?''}, {LEMMA: {IN: [om, noe]}}, {LEMMA: {IN: [den, de, om]}, OP: ''?''}, {LEMMA: {IN: [tall, resultat, mål, målekort, statistikk, rangering, indikator, måltall]}}]
      - [{LEMMA: {IN: [glad, fornøyd, stolt, lei, skuffe, glede, gøy, moro, deilig, artig]}}, {OP: ''?''}, {OP: ''?''}, {LEMMA: {IN: [nå, når]}}, {LEMMA: {IN: [den, de]}, OP: ''?''}, {LEMMA: {IN: [mål, måltall, målsetting]}}]
      - [{LEMMA: {IN: [glede, jubel, stolthet, frustrasjon]}}, {LEMMA: {IN: [over, for, når, ved]}}, {OP: ''?''}, {LEMMA: {IN: [tall, resultat, måloppnåelse, målekort]}}]
      - [{LEMMA: {IN: [tall, resultat, mål, måltall, målekort, indikator, rangering]}}, {LEMMA: {IN: [gi, skape, virke, drive]}}, {LEMMA: {IN: [energi, motivasjon, engasjement, inspirasjon, lyst, drive, motivere, demotivere]}}]
      - [{LEMMA: {IN: [pynte, sminke, fiks, manipulere, jukse, jukser, triks, trikse]}}, {LEMMA: {IN: [på, med]}, OP: ''?''}, {LEMMA: {IN: [den, de]}, OP: ''?''}, {LEMMA: {IN: [tall, statistikk, resultat, registrering]}}]
      - [{LEMMA: {IN: [føle, bli, være, kjenne]}}, {LEMMA: {IN: [vi, seg, jeg]}, OP: ''?''}, {LEMMA: {IN: [veldig, litt, mye, hard, ganske, ikke]}, OP: ''?''}, {LEMMA: presse}]
      - [{LEMMA: {IN: [gulrot, pisk]}}, {LEMMA: {IN: [og, eller]}}, {LEMMA: {IN: [gulrot, pisk]}}]
    color: "#9467bd"
  - key: historikk
    name: "Tidligere praksis: konkurranse, «trøyer», for mange indikatorer"
    description: Hvordan resultatstyringen var før, og hva som er endret.
    include: Konkurranse mellom kontor, «trøyer» til beste kontor, for mange indikatorer.
    exclude: Dagens praksis.
    phrases: [trøye, gul trøye, den gule trøya, konkurranse, konkurrere, konkurranse mellom kontorene, vinnerkontor, pokal, vandrepokal, premie, diplom, kåring, månedens kontor, årets kontor, for mange indikatorer, altfor mange indikatorer, færre indikatorer, antall indikatorer, før i tiden, i gamle dager, den gangen, de første årene, nav-reformen, aetat, trygdeetaten, trygdekontor, sosialkontor, gapestokk]
    patterns:
      - [{LEMMA: {IN: [for, altfor, veldig, utrolig, så, enorm, svær, mange]}}, {LEMMA: mange}, {LEMMA: {IN: [indikator, mål, måleparameter, målepunkt, parameter, måltall, styringsparameter]}}]
      - [{LEMMA: {IN: [før, tidlig]}}, {LEMMA: {IN: [være, ha]}}, {LEMMA: {IN: [den, vi, man, de, fylke]}}]
      - [{LEMMA: bli}, {LEMMA: kåre}]
      - [{LEMMA: i}, {LEMMA: {IN: [start, begynnelse, oppstart, startfase, etableringsfase, oppstartsfase]}}]
      - [{LEMMA: {IN: [da, når, etter]}}, {LEMMA: {IN: [nav, nav-kontor, kontor]}}, {LEMMA: {IN: [bli, være]}}, {LEMMA: {IN: [etablere, etablerer, etablert, opprette, oppretter, ny, starte]}}]
      - [{LEMMA: {IN: [etablering, oppstart, opprettelse]}}, {LEMMA: av, OP: ''?''}, {LEMMA: {IN: [nav, nav-kontor, kontor]}}]
      - [{LEMMA: {IN: [endre, forandre]}}, {LEMMA: seg}]
      - [{LEMMA: slutte}, {LEMMA: med}]
      - [{LEMMA: ikke}, {LEMMA: lenger}]
      - [{LEMMA: for}, {LEMMA: {IN: [noen, mange, en, par, to, tre, fire, fem]}}, {LEMMA: {IN: [år, par]}, OP: ''?''}, {LEMMA: {IN: [år]}, OP: ''?''}, {LEMMA: siden}]
    color: "#8c564b"

scales:
  # cues: words or phrases (any inflection) that say a category in a reply; opposites: where a
  # negated cue points when the speaker reverses («… ikke, heller tvert imot»). Used by
  # `qualmrs suggest-answers`; a researcher''s own answers never depend on them.
  ja_noytral_nei:
    name: Ja / Nøytral / Nei
    categories: [Ja, Nøytral, Nei]
    cues:
      Ja: [ja, absolutt, selvfølgelig, definitivt, helt klart, i stor grad, i høy grad,
           stort sett, langt på vei, det gjør det, det gjør vi, det gjør de, det kan de,
           det blir de, det er de, det vet vi, det vet jeg]
      Nøytral: [tja, både og, ja og nei, delvis, kommer an på, vet ikke, usikker,
                til en viss grad, i noen grad, sånn passe, verken eller, halvveis, ikke helt,
                ikke så nøye]
      Nei: [nei, ikke egentlig, ikke i det hele tatt, aldri, ingen anelse, ikke peiling,
            overhodet ikke, slett ikke]
    opposites: {Ja: Nei, Nei: Ja}
  utvider_begrenser:
    name: Utvider / Verken utvider eller begrenser / Begrenser
    categories: [Utvider, Verken utvider eller begrenser, Begrenser]
    cues:
      Utvider: [utvide, mer rom, større rom, mer frihet, større frihet, mer handlingsrom,
                større handlingsrom, frigjøre, gi frihet, mer ansvar, større ansvar,
                flere oppgaver, nye oppgaver, åpne opp]
      Verken utvider eller begrenser: [verken eller, verken utvide eller begrense,
                ingen forskjell, ingen endring, like mye, verken mer eller mindre, uendret,
                som før, nøytral, påvirke ikke, endre ikke, ikke noe særlig]
      Begrenser: [begrense, krympe, snevre inn, innsnevre, innskrenke, mindre rom, mindre frihet,
                  mindre handlingsrom, binde, låse, ta fra, miste, færre oppgaver,
                  nedprioritere]
    opposites: {Utvider: Begrenser, Begrenser: Utvider}

questions:
  - key: tallfestes
    text: Kan resultater tallfestes?
    scale: ja_noytral_nei
    cues: [tallfeste, tallfestes, uttrykke i tall, sette tall på, målbar, kvantifisere]
  - key: egnet
    text: Egner saksområdet til NAV-kontoret seg for resultatmålinger?
    scale: ja_noytral_nei
    cues: [egne seg, egner seg, egnet, passe for, passe til, saksområde, fagfelt, resultatmåling]
  - key: sammenliknes
    text: Sammenliknes kontor i forhold til måloppnåelse?
    scale: ja_noytral_nei
    cues: [sammenlikne, sammenligne, sammenliknes, sammenlignes, opp mot hverandre,
           sammenlikning, sammenligning]
  - key: kjenner_egen
    text: Vet du og dine ansatte om kontoret har høy eller lav måloppnåelse sammenliknet med andre?
    scale: ja_noytral_nei
    cues: [høy eller lav, høyt eller lavt, godt eller dårlig, hvor dere ligger,
           hvor dere står, dere ligger an, i forhold til de andre, sammenliknet med andre,
           sammenlignet med andre, bra eller dårlig]
  - key: kjenner_rangering
    text: Kjenner du til hvor kontorene i fylket ligger på rangeringen?
    scale: ja_noytral_nei
    cues: [rangering, rangeringen, ligger på lista, plassering, de andre kontorene,
           resten av fylket, hvor de andre, plassere seg, i forhold til hverandre,
           hvor kontorene ligger]
  - key: faglig_frihet
    text: Hva gjør MRS med kontorets faglige frihet
    scale: utvider_begrenser
    cues: [faglig frihet, faglige frihet, faglig skjønn, skjønn, handlingsrom]
  - key: ansvarsomrader
    text: Hva gjør MRS med kontorets ansvarsområder
    scale: utvider_begrenser
    cues: [ansvarsområde, ansvarsområder, oppgaver, ansvar]

tables:
  - id: "4-1"
    title: Synspunkt på målinger
    questions: [tallfestes, egnet]
  - id: "4-2"
    title: Kunnskap om rangering
    questions: [sammenliknes, kjenner_egen, kjenner_rangering]
  - id: "4-3"
    title: Hva gjør MRS-prinsippene med kontorets faglige frihet og kontorets ansvarsområder?
    questions: [faglig_frihet, ansvarsomrader]
');
INSERT INTO "meta" VALUES('codebook_path','codebooks/mrs_nav.yaml');
CREATE TABLE models (
	name VARCHAR NOT NULL, 
	data TEXT NOT NULL, 
	created VARCHAR NOT NULL, 
	PRIMARY KEY (name)
);
CREATE TABLE questions (
	"key" VARCHAR NOT NULL, 
	text TEXT NOT NULL, 
	scale VARCHAR NOT NULL, 
	position INTEGER NOT NULL, 
	PRIMARY KEY ("key")
);
INSERT INTO "questions" VALUES('tallfestes','Kan resultater tallfestes?','ja_noytral_nei',0);
INSERT INTO "questions" VALUES('egnet','Egner saksområdet til NAV-kontoret seg for resultatmålinger?','ja_noytral_nei',1);
INSERT INTO "questions" VALUES('sammenliknes','Sammenliknes kontor i forhold til måloppnåelse?','ja_noytral_nei',2);
INSERT INTO "questions" VALUES('kjenner_egen','Vet du og dine ansatte om kontoret har høy eller lav måloppnåelse sammenliknet med andre?','ja_noytral_nei',3);
INSERT INTO "questions" VALUES('kjenner_rangering','Kjenner du til hvor kontorene i fylket ligger på rangeringen?','ja_noytral_nei',4);
INSERT INTO "questions" VALUES('faglig_frihet','Hva gjør MRS med kontorets faglige frihet','utvider_begrenser',5);
INSERT INTO "questions" VALUES('ansvarsomrader','Hva gjør MRS med kontorets ansvarsområder','utvider_begrenser',6);
CREATE TABLE segments (
	id INTEGER NOT NULL, 
	document_id INTEGER NOT NULL, 
	turn_idx INTEGER NOT NULL, 
	start INTEGER NOT NULL, 
	"end" INTEGER NOT NULL, 
	lemmas TEXT NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(document_id) REFERENCES documents (id)
);
INSERT INTO "segments" VALUES(1,1,0,3,13,'velkommen');
INSERT INTO "segments" VALUES(2,1,0,14,51,'kunne resultat tallfeste tenke du');
INSERT INTO "segments" VALUES(3,1,1,55,84,'ja den mye kunne tallfeste');
INSERT INTO "segments" VALUES(4,1,1,85,109,'kari hansen si den også');
CREATE TABLE steps (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	at VARCHAR NOT NULL, 
	actor VARCHAR NOT NULL, 
	command TEXT NOT NULL, 
	kind VARCHAR NOT NULL, 
	target INTEGER, 
	undone_by INTEGER, 
	undoable INTEGER NOT NULL
);
INSERT INTO "steps" VALUES(1,'2026-11-29T18:52:51+00:00','root','create project','do',NULL,NULL,0);
INSERT INTO "steps" VALUES(2,'2026-11-29T18:52:53+00:00','root','ingest study.txt','do',NULL,NULL,1);
INSERT INTO "steps" VALUES(3,'2026-11-29T18:52:53+00:00','BHO','code study.txt 85-109 motivasjon','do',NULL,NULL,1);
INSERT INTO "steps" VALUES(4,'2026-11-29T18:52:53+00:00','BHO','answer B tallfestes Ja','do',NULL,NULL,1);
CREATE TABLE turns (
	id INTEGER NOT NULL, 
	document_id INTEGER NOT NULL, 
	idx INTEGER NOT NULL, 
	speaker VARCHAR NOT NULL, 
	role VARCHAR NOT NULL, 
	case_label VARCHAR, 
	start INTEGER NOT NULL, 
	"end" INTEGER NOT NULL, 
	time FLOAT, 
	PRIMARY KEY (id), 
	UNIQUE (document_id, idx), 
	FOREIGN KEY(document_id) REFERENCES documents (id)
);
INSERT INTO "turns" VALUES(1,1,0,'A','interviewer',NULL,3,51,NULL);
INSERT INTO "turns" VALUES(2,1,1,'B','informant','B',55,109,NULL);
CREATE TABLE warnings (
	id INTEGER NOT NULL, 
	document VARCHAR, 
	message TEXT NOT NULL, 
	created VARCHAR NOT NULL, 
	PRIMARY KEY (id)
);
CREATE INDEX ix_warnings_document ON warnings (document);
CREATE INDEX ix_turns_document_id ON turns (document_id);
CREATE INDEX ix_segments_document_id ON segments (document_id);
CREATE INDEX ix_codings_code ON codings (code);
CREATE INDEX ix_codings_document_id ON codings (document_id);
CREATE INDEX ix_events_step_id ON events (step_id);
CREATE INDEX ix_events_coder ON events (coder);
DELETE FROM "sqlite_sequence";
INSERT INTO "sqlite_sequence" VALUES('steps',4);
INSERT INTO "sqlite_sequence" VALUES('events',33);
INSERT INTO "sqlite_sequence" VALUES('documents',1);
INSERT INTO "sqlite_sequence" VALUES('codings',1);
INSERT INTO "sqlite_sequence" VALUES('answers',1);
COMMIT;

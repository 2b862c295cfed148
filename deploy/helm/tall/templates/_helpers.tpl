{{/* The chart's name, or nameOverride. */}}
{{- define "tall.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The release's full name: the main deployment and service are called this. */}}
{{- define "tall.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "tall.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels of every object. */}}
{{- define "tall.labels" -}}
helm.sh/chart: {{ include "tall.chart" . }}
app.kubernetes.io/name: {{ include "tall.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: tall
{{- end }}

{{/*
Selector labels of one workload. The component is part of the selector: without it the main
service would also send traffic to the extracted pods, which do not serve the main routes.
Call with (dict "root" $ "component" "api").
*/}}
{{- define "tall.selectorLabels" -}}
app.kubernetes.io/name: {{ include "tall.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "tall.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "tall.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "tall.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}

{{/* The in-cluster base URL of a service of this release. Call with (dict "root" $ "name" "…"). */}}
{{- define "tall.serviceUrl" -}}
{{- printf "http://%s.%s.svc:%d" .name .root.Release.Namespace (int .root.Values.service.port) }}
{{- end }}

{{/* The name of a workload's internal Service (its INTERNAL_PORT only). Call with the workload's name. */}}
{{- define "tall.internalServiceName" -}}
{{- printf "%s-internal" . | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Where other deployments call a workload's modules: its internal Service, a MODULE_URLS value.
Call with (dict "root" $ "name" "<workload name>").
*/}}
{{- define "tall.internalAddress" -}}
{{- printf "tcp://%s.%s.svc:%d" (include "tall.internalServiceName" .name) .root.Release.Namespace (int .root.Values.service.internalPort) }}
{{- end }}

{{/*
Refuses values the schema cannot judge on its own: the internal port must not be the public one;
extracted modules must be in the catalog, leave at least one module to the main deployment, and
travel through Kafka.
*/}}
{{- define "tall.validate" -}}
{{- if eq (int .Values.service.port) (int .Values.service.internalPort) }}
{{- fail "service.internalPort must differ from service.port: calls between deployments have a listener of their own" }}
{{- end }}
{{- if .Values.extraction.enabled }}
{{- range .Values.extraction.modules }}
{{- if not (has . $.Values.modules.catalog) }}
{{- fail (printf "extraction.modules names %q, which is not in modules.catalog (%s)" . (join ", " $.Values.modules.catalog)) }}
{{- end }}
{{- end }}
{{- if empty .Values.kafka.brokers }}
{{- fail "extraction.enabled needs kafka.brokers: the app refuses to host only some modules without Kafka" }}
{{- end }}
{{- if eq .Values.extraction.name "api" }}
{{- fail "extraction.name must differ from the main component's name, api" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
The workloads this release runs, as YAML: the main one always, the extracted one when enabled.
`valuesKey` points at its block of values; MODULES and MODULE_URLS are computed here so the two
deployments always agree with each other. `internal`: the workload hosts only some modules, so the
other one calls it on its INTERNAL_PORT (the app refuses to start such a workload without one).
*/}}
{{- define "tall.workloads" -}}
{{- include "tall.validate" . }}
{{- $fullname := include "tall.fullname" . }}
{{- $mainUrl := include "tall.serviceUrl" (dict "root" . "name" $fullname) }}
{{- $mainAddress := include "tall.internalAddress" (dict "root" . "name" $fullname) }}
items:
{{- if .Values.extraction.enabled }}
{{- $extractedName := printf "%s-%s" $fullname .Values.extraction.name | trunc 63 | trimSuffix "-" }}
{{- $extractedAddress := include "tall.internalAddress" (dict "root" . "name" $extractedName) }}
{{- $main := list }}
{{- range .Values.modules.catalog }}
{{- if not (has . $.Values.extraction.modules) }}
{{- $main = append $main . }}
{{- end }}
{{- end }}
{{- if empty $main }}
{{- fail "extraction.modules takes every module in modules.catalog: the main deployment would host none" }}
{{- end }}
{{- $toExtracted := list }}
{{- range .Values.extraction.modules }}
{{- $toExtracted = append $toExtracted (printf "%s=%s" . $extractedAddress) }}
{{- end }}
{{- $toMain := list }}
{{- range $main }}
{{- $toMain = append $toMain (printf "%s=%s" . $mainAddress) }}
{{- end }}
  - component: api
    valuesKey: api
    name: {{ $fullname }}
    modules: {{ join "," $main | quote }}
    moduleUrls: {{ join "," $toExtracted | quote }}
    internal: true
    jwksUrl: ""
  - component: {{ .Values.extraction.name }}
    valuesKey: extraction
    name: {{ $extractedName }}
    modules: {{ join "," .Values.extraction.modules | quote }}
    moduleUrls: {{ join "," $toMain | quote }}
    internal: true
    {{- if and .Values.extraction.authJwks (has "profile" $main) }}
    jwksUrl: {{ printf "%s/api/v1/auth/jwks" $mainUrl | quote }}
    {{- else }}
    jwksUrl: ""
    {{- end }}
{{- else }}
  - component: api
    valuesKey: api
    name: {{ $fullname }}
    modules: all
    moduleUrls: ""
    internal: false
    jwksUrl: ""
{{- end }}
{{- end }}

{{/* PUBLIC_URL: the value, or the first ingress host. */}}
{{- define "tall.publicUrl" -}}
{{- if .Values.publicUrl }}
{{- .Values.publicUrl }}
{{- else if and .Values.ingress.enabled .Values.ingress.hosts }}
{{- printf "%s://%s" (ternary "https" "http" (not (empty .Values.ingress.tls))) (first .Values.ingress.hosts) }}
{{- end }}
{{- end }}

{{/* The release's base name: <release>-stampede, or the release name when it already says stampede. */}}
{{- define "stampede.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 50 | trimSuffix "-" -}}
{{- else if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 50 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "stampede.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* Selector labels of one component (master or worker). */}}
{{- define "stampede.selector" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "stampede.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) -}}
{{- end -}}

{{- define "stampede.masterHost" -}}
{{- printf "%s-master" (include "stampede.fullname" .) -}}
{{- end -}}

{{- define "stampede.tokenSecret" -}}
{{- .Values.cluster.token.existingSecret | default (printf "%s-token" (include "stampede.fullname" .)) -}}
{{- end -}}

{{- define "stampede.tokenKey" -}}
{{- if .Values.cluster.token.existingSecret -}}{{ .Values.cluster.token.existingSecretKey }}{{- else -}}token{{- end -}}
{{- end -}}

{{- define "stampede.scenarioConfigMap" -}}
{{- .Values.scenario.existingConfigMap | default (printf "%s-scenario" (include "stampede.fullname" .)) -}}
{{- end -}}

{{- define "stampede.checkMode" -}}
{{- if not (has .Values.mode (list "Deployment" "Job")) -}}
{{- fail (printf "mode must be Deployment or Job, was %q" .Values.mode) -}}
{{- end -}}
{{- end -}}

{{/* The environment both roles need: the cluster token from its Secret, the JVM's options. */}}
{{- define "stampede.env" -}}
- name: STAMPEDE_CLUSTER_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ include "stampede.tokenSecret" .root }}
      key: {{ include "stampede.tokenKey" .root }}
{{- with .javaOpts }}
- name: JDK_JAVA_OPTIONS
  value: {{ . | quote }}
{{- end }}
{{- end -}}

{{/* The master's flags: Locust's, as stampede takes them. */}}
{{- define "stampede.masterArgs" -}}
{{- $v := .Values -}}
{{- if not $v.run.host }}{{ fail "run.host is required: the target's base URL, e.g. --set run.host=http://my-api:8080" }}{{ end -}}
- --master
- --expect-workers
- {{ $v.workers.replicas | int | quote }}
- --expect-workers-max-wait
- {{ $v.cluster.expectWorkersMaxWait | quote }}
- --master-bind-port
- {{ $v.cluster.port | int | quote }}
- -f
- {{ printf "/scenario/%s" $v.scenario.fileName | quote }}
- -H
- {{ $v.run.host | quote }}
- -u
- {{ $v.run.users | int | quote }}
- -r
- {{ $v.run.spawnRate | toString | quote }}
{{- if $v.run.runTime }}
- -t
- {{ $v.run.runTime | quote }}
{{- else if eq $v.mode "Job" }}
{{- fail "mode=Job needs run.runTime: a one-shot run must end" }}
{{- end }}
- --web-host
- 0.0.0.0
- --metrics-port
- {{ $v.master.metricsPort | int | quote }}
{{- if eq $v.mode "Job" }}
- --headless
{{- else }}
- --web-port
- {{ $v.master.webPort | int | quote }}
{{- if $v.run.autostart }}
- --autostart
{{- end }}
{{- end }}
{{- range $v.run.extraArgs }}
- {{ . | quote }}
{{- end }}
{{- range $v.run.userClasses }}
- {{ . | quote }}
{{- end }}
{{- end -}}

{{- define "stampede.workerArgs" -}}
- --worker
- --master-host
- {{ include "stampede.masterHost" . | quote }}
- --master-port
- {{ .Values.cluster.port | int | quote }}
- --capacity
- {{ .Values.workers.capacity | int | quote }}
{{- end -}}

{{/* The pod's volumes: the scenario's ConfigMap, and /tmp (the root file system is read-only). */}}
{{- define "stampede.volumes" -}}
- name: tmp
  emptyDir: {}
{{- if .scenario }}
- name: scenario
  configMap:
    name: {{ include "stampede.scenarioConfigMap" .root }}
{{- end }}
{{- end -}}

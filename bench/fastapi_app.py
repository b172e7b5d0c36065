"""The baseline of bench/capstone-vs-fastapi.ts: the seed plan's serving stack, FastAPI + uvicorn serving a
scikit-learn RandomForestClassifier saved and loaded with joblib, written the way its tutorials write it.

Two jobs, both run by the benchmark from the workspace's .venv:

  python bench/fastapi_app.py train < job.json
      job = {"X": rows, "y": labels, "featureNames": [...], "classNames": [...], "nEstimators": 100,
             "maxDepth": 10, "seed": 42, "out": "/tmp/.../model.joblib", "version": "..."}
      Fits the forest on exactly the rows the TypeScript side sends (the capstone's own training split), saves
      {model, featureNames, classNames, version} with joblib, and prints one JSON line: the versions and the
      in-process predict_proba times (what limits the server, measured without HTTP).

  FASTAPI_MODEL_PATH=/tmp/.../model.joblib python -m uvicorn fastapi_app:app --app-dir bench --port 8000
      One process, one worker (uvicorn's default), access log on (its default, like the capstone's request log).

The API mirrors the capstone's request and response shapes, so the load tool sends both servers the same bytes:

  POST /predict  {"instance": {feature: number, ...}}       -> {"modelVersion", "prediction": {"class", "probabilities"}}
                 {"instances": [{...}, ...]} (1 to 1000)     -> {"modelVersion", "predictions": [...]}
  GET  /readyz   200 once the model is loaded (the benchmark waits for it)

Validation is as strict as the capstone's: every feature required, a number (strict mode: no "12.5" strings), finite,
no extra fields; anything else is FastAPI's 422.
"""

import json
import os
import sys
import time
from typing import Annotated, Union

import joblib
import numpy as np
from fastapi import FastAPI
from pydantic import BaseModel, ConfigDict, Field, create_model

MAX_BATCH = 1000


def train(job: dict) -> None:
    import sklearn
    from sklearn.ensemble import RandomForestClassifier

    X = np.asarray(job["X"], dtype=np.float64)
    y = np.asarray(job["y"], dtype=np.int64)
    # The capstone's settings (capstone/src/training.ts): 100 trees, maxDepth 10, sqrt(d) features tried per split,
    # gini, bootstrap, seed 42. One core: n_jobs=1, as the server gets one process.
    model = RandomForestClassifier(
        n_estimators=int(job["nEstimators"]),
        max_depth=int(job["maxDepth"]),
        max_features="sqrt",
        criterion="gini",
        bootstrap=True,
        n_jobs=1,
        random_state=int(job["seed"]),
    )
    start = time.perf_counter()
    model.fit(X, y)
    fit_seconds = time.perf_counter() - start
    bundle = {
        "model": model,
        "featureNames": list(job["featureNames"]),
        "classNames": list(job["classNames"]),
        "version": job["version"],
    }
    joblib.dump(bundle, job["out"])

    # What one request costs the model alone: predict_proba on 1 row and on 1000 rows, the best of several calls
    # (on a shared machine the fastest call is the least disturbed one; the TypeScript side times the same way).
    def best_seconds(rows: np.ndarray, repeats: int) -> float:
        model.predict_proba(rows)  # the first call pays one-off costs
        times = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            model.predict_proba(rows)
            times.append(time.perf_counter() - t0)
        return min(times)

    one = X[:1]
    thousand = X[np.arange(1000) % len(X)]
    print(
        json.dumps(
            {
                "sklearn": sklearn.__version__,
                "joblib": joblib.__version__,
                "python": sys.version.split()[0],
                "fitSeconds": fit_seconds,
                "maxDepthReached": max(int(t.get_depth()) for t in model.estimators_),
                "nodes": int(sum(t.tree_.node_count for t in model.estimators_)),
                "predictProbaOneRowSeconds": best_seconds(one, 50),
                "predictProba1000RowsSeconds": best_seconds(thousand, 10),
            }
        )
    )


def create_app(model_path: str) -> FastAPI:
    bundle = joblib.load(model_path)
    model = bundle["model"]
    features: list[str] = bundle["featureNames"]
    classes: list[str] = bundle["classNames"]
    version: str = bundle["version"]

    # The instance model is built from the artifact's feature names, as the capstone builds its schema from the model.
    strict = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False)
    Instance = create_model("Instance", __config__=strict, **{name: (float, ...) for name in features})

    class SingleRequest(BaseModel):
        model_config = ConfigDict(extra="forbid")
        instance: Instance  # type: ignore[valid-type]

    class BatchRequest(BaseModel):
        model_config = ConfigDict(extra="forbid")
        instances: Annotated[list[Instance], Field(min_length=1, max_length=MAX_BATCH)]  # type: ignore[valid-type]

    class Prediction(BaseModel):
        model_config = ConfigDict(protected_namespaces=())
        class_: str = Field(serialization_alias="class")
        probabilities: dict[str, float]

    class PredictResponse(BaseModel):
        modelVersion: str
        prediction: Prediction | None = None
        predictions: list[Prediction] | None = None

    app = FastAPI(title="Breast-cancer classifier (FastAPI baseline)")

    @app.get("/readyz")
    def readyz() -> dict:
        return {"status": "ready", "modelVersion": version}

    # A plain `def`: FastAPI runs it in its thread pool, the documented way for blocking work like predict_proba.
    @app.post("/predict", response_model=PredictResponse, response_model_exclude_none=True, response_model_by_alias=True)
    def predict(body: Union[SingleRequest, BatchRequest]) -> PredictResponse:
        instances = [body.instance] if isinstance(body, SingleRequest) else body.instances
        X = np.array([[getattr(row, name) for name in features] for row in instances], dtype=np.float64)
        proba = model.predict_proba(X)
        answers = [
            Prediction(class_=classes[int(np.argmax(p))], probabilities=dict(zip(classes, p.tolist()))) for p in proba
        ]
        if isinstance(body, SingleRequest):
            return PredictResponse(modelVersion=version, prediction=answers[0])
        return PredictResponse(modelVersion=version, predictions=answers)

    return app


def _app_from_env() -> "FastAPI | None":
    path = os.environ.get("FASTAPI_MODEL_PATH")
    return create_app(path) if path else None


# What `uvicorn fastapi_app:app` imports. Without FASTAPI_MODEL_PATH (e.g. `python fastapi_app.py train`) it is None.
app = _app_from_env()

if __name__ == "__main__":
    if sys.argv[1:] == ["train"]:
        train(json.load(sys.stdin))
    else:
        sys.exit("usage: python bench/fastapi_app.py train < job.json   (serve it with uvicorn, see the docstring)")

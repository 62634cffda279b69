#!/usr/bin/python3
"""scikit-learn baseline of the classifier benchmark: TF-IDF (word 1-2 + char 2-5 grams) + LinearSVC.

usage: /usr/bin/python3 sklearn_baseline.py TRAIN.jsonl TEST.jsonl
Prints one JSON object: accuracy, macro_f1, train_seconds, predict_seconds.
Needs Debian's python3-sklearn (apt-get install -y python3-sklearn).
"""
import json
import sys
import time

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import accuracy_score, f1_score
from sklearn.pipeline import make_pipeline, make_union
from sklearn.svm import LinearSVC


def read(path):
    texts, labels = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                record = json.loads(line)
                texts.append(record["text"])
                labels.append(record["label"])
    return texts, labels


def main():
    train_x, train_y = read(sys.argv[1])
    test_x, test_y = read(sys.argv[2])
    model = make_pipeline(
        make_union(
            TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, min_df=1),
            TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=1),
        ),
        LinearSVC(C=1.0),
    )
    start = time.perf_counter()
    model.fit(train_x, train_y)
    trained = time.perf_counter()
    predicted = model.predict(test_x)
    done = time.perf_counter()
    print(json.dumps({
        "accuracy": accuracy_score(test_y, predicted),
        "macro_f1": f1_score(test_y, predicted, average="macro"),
        "train_seconds": trained - start,
        "predict_seconds": done - trained,
    }))


if __name__ == "__main__":
    main()
